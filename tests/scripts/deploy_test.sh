#!/usr/bin/env bash
# resources/deploy on the virtual lab (docs/DEPLOY.md): a bare lab of namespaces (device, edge1, edge2, cloud; no
# workers), an sshd in each node's namespace on the node's address (host keys and the client's key made here), and
# Debian's ansible-playbook run from the console's namespace with an inventory of the nodes' addresses. The playbook
# installs d3worker from this build, makes the service user, hands out the token (mode 0600, owned by that user) and
# starts the workers (without systemd here: start-stop-daemon on the unit's command line); its unit passes
# systemd-analyze verify. Then d3ctl, in the console's namespace, runs an experiment on the workers the playbook
# started, by their addresses and with the token it handed out, with nothing lost; a changed setting restarts that
# worker only; remove.yml takes it all away, and nothing is left: no process, namespace, user, group or file.
# Every path the playbook writes is in this test's temporary directory (the hosts share this machine's files, so
# each has its own folders). Skipped (exit 77, with the reason) where the machine cannot do it.
# Environment: D3_WORKER, D3CTL (the binaries under test; the playbook installs D3_WORKER's build), D3_SOURCE_DIR.
set -euo pipefail

SOURCE="${D3_SOURCE_DIR:?}"
LAB="$SOURCE/scripts/lab.sh"
ANSIBLE_DIR="$SOURCE/resources/deploy/ansible"
BUILD="$(cd "$(dirname "${D3_WORKER:?}")/.." && pwd)"
export D3_LAB_PREFIX="${D3_LAB_PREFIX:-d3deptest-}"
export D3_LAB_SUBNET="${D3_LAB_SUBNET:-10.213.21}"
SERVICE_USER="${D3_DEPLOY_USER:-d3deptest}"
NODES="device edge1 edge2 cloud"

# shellcheck source-path=SCRIPTDIR source=script_test.sh
source "$(dirname "$0")/script_test.sh"

[ "$(id -u)" = 0 ] || skip "not root: network namespaces, sshd and the service user need it"
for tool in ansible-playbook /usr/sbin/sshd ssh ssh-keygen start-stop-daemon systemd-analyze; do
  command -v "$tool" > /dev/null || skip "no $tool (apt-get install ansible openssh-server openssh-client)"
done
ip netns add "${D3_LAB_PREFIX}probe" 2> /dev/null || skip "this kernel or container cannot make network namespaces"
ip netns del "${D3_LAB_PREFIX}probe"
! getent passwd "$SERVICE_USER" > /dev/null || skip "a user $SERVICE_USER exists already (userdel it, or set D3_DEPLOY_USER)"

WORK="$(mktemp -d)"
chmod 755 "$WORK" # the hosts' folders are inside: the service user reaches its binary and token through it
export D3_LAB_DIR="$WORK/lab"
MADE_PRIVSEP=0
cleanup() {
  "$LAB" down > /dev/null 2>&1 || true # every process in the namespaces: sshd, workers, ssh's masters
  if getent passwd "$SERVICE_USER" > /dev/null; then userdel "$SERVICE_USER" 2> /dev/null || true; fi
  if getent group "$SERVICE_USER" > /dev/null; then groupdel "$SERVICE_USER" 2> /dev/null || true; fi
  [ "$MADE_PRIVSEP" = 0 ] || rmdir /run/sshd 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

address_of() {
  case "$1" in
    console) echo "$D3_LAB_SUBNET.1" ;;
    device) echo "$D3_LAB_SUBNET.10" ;;
    cloud) echo "$D3_LAB_SUBNET.200" ;;
    edge*) echo "$D3_LAB_SUBNET.$((10 + ${1#edge}))" ;;
  esac
}
in_ns() {
  local node=$1
  shift
  ip netns exec "${D3_LAB_PREFIX}$node" "$@"
}
worker_pid() { cat "$WORK/hosts/$1/run/d3worker.pid"; }

"$LAB" up --bare --edges 2 > /dev/null

# An sshd per node on its address: its own host key, the test's client key, root by key only.
mkdir -p "$WORK/ssh" "$WORK/hosts"
ssh-keygen -q -t ed25519 -N '' -C d3deptest-client -f "$WORK/ssh/client" > /dev/null
cp "$WORK/ssh/client.pub" "$WORK/ssh/authorized_keys"
if [ ! -d /run/sshd ]; then # sshd's privilege separation folder, fixed at its build
  mkdir -m 755 /run/sshd
  MADE_PRIVSEP=1
fi
for node in $NODES; do
  ssh-keygen -q -t ed25519 -N '' -C "d3deptest-$node" -f "$WORK/ssh/$node.host" > /dev/null
  echo "$(address_of "$node") $(cut -d' ' -f1,2 "$WORK/ssh/$node.host.pub")" >> "$WORK/ssh/known_hosts"
  cat > "$WORK/ssh/$node.sshd_config" << EOF
ListenAddress $(address_of "$node"):22
HostKey $WORK/ssh/$node.host
PidFile $WORK/ssh/$node.sshd.pid
AuthorizedKeysFile $WORK/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
  in_ns "$node" /usr/sbin/sshd -f "$WORK/ssh/$node.sshd_config" -E "$WORK/ssh/$node.sshd.log" ||
    fail "sshd in $node's namespace did not start: $(tail -n 2 "$WORK/ssh/$node.sshd.log")"
done

# The inventory: the nodes by their addresses; every path of the playbook in this test's folder, per host.
{
  echo "[device]"
  echo "device ansible_host=$(address_of device) d3_threads=1 d3_slowdown=6"
  echo "[edge]"
  echo "edge1 ansible_host=$(address_of edge1) d3_slowdown=3"
  echo "edge2 ansible_host=$(address_of edge2) d3_slowdown=3"
  echo "[cloud]"
  echo "cloud ansible_host=$(address_of cloud)"
  echo "[all:vars]"
  echo "ansible_user=root"
  echo "ansible_ssh_private_key_file=$WORK/ssh/client"
  echo "ansible_python_interpreter=/usr/bin/python3"
  echo "d3_user=$SERVICE_USER"
  echo "d3_build_dir=$BUILD"
  echo "d3_token_source=$WORK/controller/cluster.token"
  echo "d3_beacon=$D3_LAB_SUBNET.255:47300"
  echo "d3_apt_update=false"
  echo "d3_write_unit=true"
  for dir in bin:bin config:etc unit:systemd run:run log:log; do
    echo "d3_${dir%%:*}_dir=$WORK/hosts/{{ inventory_hostname }}/${dir#*:}"
  done
} > "$WORK/inventory.ini"

# Ansible keeps its files in the test's folder, and trusts only the host keys made here.
export ANSIBLE_HOME="$WORK/ansible" ANSIBLE_LOCAL_TEMP="$WORK/ansible/tmp" ANSIBLE_REMOTE_TEMP="$WORK/ansible/remote"
export ANSIBLE_SSH_CONTROL_PATH_DIR="$WORK/ansible/cp" ANSIBLE_PIPELINING=True ANSIBLE_RETRY_FILES_ENABLED=False
export ANSIBLE_NOCOLOR=1 ANSIBLE_HOST_KEY_CHECKING=True LC_ALL=C.UTF-8
export ANSIBLE_SSH_ARGS="-F /dev/null -o UserKnownHostsFile=$WORK/ssh/known_hosts -o StrictHostKeyChecking=yes \
-o IdentitiesOnly=yes -o ControlMaster=auto -o ControlPersist=30s"
for node in $NODES; do # every sshd listens before Ansible knocks
  for _ in $(seq 100); do
    in_ns "$node" ss -Hltn "sport = :22" | grep -q . && break
    sleep 0.1
  done
done

playbook() {
  local log=$1
  shift
  in_ns console ansible-playbook -i "$WORK/inventory.ini" "$@" > "$log" 2>&1 ||
    fail "ansible-playbook $*: $(grep -E 'fatal|ERROR|FAILED' "$log" | head -n 3)"
}
playbook "$WORK/install.log" "$ANSIBLE_DIR/d3worker.yml"
echo "deploy: $(grep -E '^(device|edge1|edge2|cloud) +:' "$WORK/install.log" | sed 's/  */ /g' | cut -d' ' -f1-5 | tr '\n' ';')"

# What the playbook did on every host: the token private to the service user, a worker running as that user on the
# unit's command line, the unit as written accepted by systemd.
token="$WORK/controller/cluster.token"
[ "$(stat -c %a "$token")" = 600 ] || fail "the controller's token is not mode 0600"
for node in $NODES; do
  host="$WORK/hosts/$node"
  [ "$(stat -c '%a %U' "$host/etc/token")" = "600 $SERVICE_USER" ] ||
    fail "$node's token is $(stat -c '%a %U' "$host/etc/token"), not 600 $SERVICE_USER"
  cmp -s "$token" "$host/etc/token" || fail "$node's token is not the controller's"
  pid=$(worker_pid "$node")
  [ "$(ps -o uid= -p "$pid" | tr -d ' ')" = "$(id -u "$SERVICE_USER")" ] ||
    fail "$node's worker (pid $pid) runs as uid '$(ps -o uid= -p "$pid")', not $SERVICE_USER's"
  [ "$(readlink "/proc/$pid/exe")" = "$host/bin/d3worker" ] || fail "$node's worker is not the installed binary"
  cmdline=$(tr '\0' ' ' < "/proc/$pid/cmdline")
  [[ "$cmdline" == *"--listen $(address_of "$node"):7000 --name $node "* ]] ||
    fail "$node's worker has the command line '$cmdline'"
  [[ "$cmdline" == *"--beacon $D3_LAB_SUBNET.255:47300"* ]] || fail "$node's worker sends no beacon: '$cmdline'"
  grep -qx "D3_NAME=$node" "$host/etc/d3worker.env" || fail "$node's settings do not name it"
done
[[ "$(tr '\0' ' ' < "/proc/$(worker_pid device)/cmdline")" == *"--threads 1 --slowdown 6 "* ]] ||
  fail "the device's threads and slowdown are not the inventory's"
[[ "$(tr '\0' ' ' < "/proc/$(worker_pid edge1)/cmdline")" == *"--threads $(getconf _NPROCESSORS_ONLN) --slowdown 3 "* ]] ||
  fail "edge1's threads are not the host's cores"
unit="$WORK/hosts/device/systemd/d3worker.service"
grep -qx "User=$SERVICE_USER" "$unit" || fail "the unit does not run as $SERVICE_USER"
out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify warns: $out"
# The unit's ExecStart with the device's settings (its token the credential %d/token, the same file) is the command
# line start-stop-daemon started.
execstart=$(sed -n '/^ExecStart=/,/[^\\]$/p' "$unit" | sed -e 's/^ExecStart=//' -e 's/\\$//' | tr -s ' \n' '  ')
while IFS='=' read -r key value; do
  [[ "$key" == D3_* ]] || continue
  execstart=${execstart//"\${$key}"/$value}
  execstart=${execstart//"\$$key"/$value}
done < "$WORK/hosts/device/etc/d3worker.env"
execstart=${execstart//%d/$WORK/hosts/device/etc}
read -ra unit_argv <<< "$execstart"
read -ra running_argv <<< "$(tr '\0' ' ' < "/proc/$(worker_pid device)/cmdline")"
[ "${unit_argv[*]}" = "${running_argv[*]}" ] || fail "the unit's command line '$execstart' is not the running worker's"

# An experiment on the workers the playbook started, by their addresses, with the token it handed out.
nodes=""
for node in $NODES; do
  role=${node%[0-9]}
  nodes+="${nodes:+, }{\"name\": \"$node\", \"role\": \"$role\", \"address\": \"$(address_of "$node"):7000\"}"
done
cat > "$WORK/deployed.json" << EOF
{"format": "d3lab-experiment", "version": 1, "name": "deployed", "nodes": [$nodes],
 "model": "alexnet", "weights": {"seed": 1}, "planner": "hpa", "tiles": true, "profile": {"warmup": 0, "runs": 1},
 "links": {"device<->edge": {"mbps": 100, "delay_ms": 2}, "edge<->edge": {"mbps": 1000, "delay_ms": 0.5},
           "edge<->cloud": {"mbps": 200, "delay_ms": 5}},
 "requests": {"count": 16, "rate_hz": 0, "timeout_ms": 30000, "input_seed": 7},
 "timeline": [{"at_request": 8, "set_link": {"link": "edge<->cloud", "mbps": 5, "delay_ms": 20},
               "label": "backbone drops"}]}
EOF
in_ns console env D3_TOKEN_FILE="$token" "${D3CTL:?}" run "$WORK/deployed.json" --out "$WORK/run" \
  > "$WORK/run.log" 2>&1 || fail "d3ctl run on the deployed workers failed: $(tail -n 3 "$WORK/run.log")"
summary="$WORK/run/summary.json"
grep -q '"completed": 16' "$summary" || fail "not 16 of 16 completed: $(grep -E '"(completed|failed)"' "$summary")"
grep -q '"failed": 0' "$summary" || fail "requests failed: $(grep '"failed"' "$summary")"
echo "deploy: 16 of 16 on the workers the playbook started"

# A changed setting (edge2's slowdown) restarts edge2's worker only; the others keep running.
declare -A before
for node in $NODES; do before[$node]=$(worker_pid "$node"); done
sed -i 's/^edge2 \(.*\) d3_slowdown=3$/edge2 \1 d3_slowdown=2/' "$WORK/inventory.ini"
playbook "$WORK/change.log" "$ANSIBLE_DIR/d3worker.yml"
for node in $NODES; do
  if [ "$node" = edge2 ]; then
    [ "$(worker_pid edge2)" != "${before[edge2]}" ] || fail "edge2's worker was not restarted with its new slowdown"
    [[ "$(tr '\0' ' ' < "/proc/$(worker_pid edge2)/cmdline")" == *"--slowdown 2 "* ]] ||
      fail "edge2's worker does not run with its new slowdown"
    ! kill -0 "${before[edge2]}" 2> /dev/null || fail "edge2's old worker still runs"
  else
    if [ "$(worker_pid "$node")" != "${before[$node]}" ] || ! kill -0 "${before[$node]}" 2> /dev/null; then
      fail "$node's worker was restarted though nothing of it changed"
    fi
  fi
done
echo "deploy: a changed setting restarted that worker only"

# remove.yml: workers stopped, files, user and group gone.
uid=$(id -u "$SERVICE_USER")
workers=$(for node in $NODES; do worker_pid "$node"; done)
playbook "$WORK/remove.log" "$ANSIBLE_DIR/remove.yml"
for pid in $workers; do ! kill -0 "$pid" 2> /dev/null || fail "a worker (pid $pid) runs after remove.yml"; done
for node in $NODES; do
  left=$(find "$WORK/hosts/$node" -mindepth 1 ! -type d)
  [ -z "$left" ] || fail "remove.yml left $left"
done
[ -z "$(ps -o pid= -u "$uid")" ] || fail "processes of $SERVICE_USER run after remove.yml"
! getent passwd "$SERVICE_USER" > /dev/null || fail "remove.yml left the user $SERVICE_USER"
! getent group "$SERVICE_USER" > /dev/null || fail "remove.yml left the group $SERVICE_USER"

# The lab down: no namespace, no sshd, nothing of sshd's outside this folder.
sshd_pids=$(cat "$WORK"/ssh/*.sshd.pid)
"$LAB" down > /dev/null
[ "$(ip netns list | awk '{print $1}' | grep -c "^$D3_LAB_PREFIX" || true)" = 0 ] || fail "namespaces are left"
for pid in $sshd_pids; do # down sent them SIGTERM: gone within seconds
  for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
  ! kill -0 "$pid" 2> /dev/null || fail "sshd $pid runs 5 s after down"
done
echo "deploy: installed, ran, changed and removed; nothing left"
