<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RunFigure</name>
    <message>
        <location filename="../ui/plots/EventMarkers.cpp" line="173"/>
        <source>new plan</source>
        <translation>新划分方案</translation>
    </message>
    <message>
        <location filename="../ui/plots/EventMarkers.cpp" line="174"/>
        <source>timeline event / phase</source>
        <translation>时间线事件 / 阶段</translation>
    </message>
    <message>
        <location filename="../ui/plots/EventMarkers.cpp" line="203"/>
        <source>oracle probe</source>
        <translation>oracle 探测</translation>
    </message>
    <message>
        <location filename="../ui/plots/RunFigure.cpp" line="10"/>
        <source>time since the run started (s)</source>
        <translation>运行开始后的时间（秒）</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="14"/>
        <source>device</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="15"/>
        <source>uplink</source>
        <translation>上行</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="16"/>
        <source>tiles</source>
        <translation>分块</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="17"/>
        <source>edge-edge</source>
        <translation>边缘间</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="18"/>
        <source>edge</source>
        <translation>边缘</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="19"/>
        <source>backbone</source>
        <translation>骨干网</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="20"/>
        <source>cloud</source>
        <translation>云端</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="21"/>
        <source>return</source>
        <translation>回传</translation>
    </message>
</context>
<context>
    <name>d3::ui::AddNodeDialog</name>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="31"/>
        <source>Add a worker</source>
        <translation>添加工作节点</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="33"/>
        <source>edge4</source>
        <translation>edge4</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="34"/>
        <source>192.168.1.20:7000</source>
        <translation>192.168.1.20:7000</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="35"/>
        <source>Look for workers on the LAN (listen for UDP announcements on port %1)</source>
        <translation>在局域网中查找工作节点（监听端口 %1 上的 UDP 通告）</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="36"/>
        <source>Workers started with --beacon announce their role and port; nothing is sent from here</source>
        <translation>以 --beacon 启动的工作节点会通告其角色和端口；本机不发送任何数据</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="57"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="58"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="89"/>
        <source>%1 (%2) at %3</source>
        <translation>%1（%2），位于 %3</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="116"/>
        <source>The name is 1..128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>名称须为 1 到 128 个字母、数字、&apos;_&apos;、&apos;.&apos; 或 &apos;-&apos;。</translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="118"/>
        <source>The address is HOST:PORT.</source>
        <translation>地址格式为 主机:端口。</translation>
    </message>
</context>
<context>
    <name>d3::ui::BackboneBarsFigure</name>
    <message>
        <location filename="../ui/plots/BackboneBarsFigure.cpp" line="6"/>
        <source>Backbone traffic by model and planner</source>
        <translation>各模型与规划器的骨干网流量</translation>
    </message>
    <message>
        <location filename="../ui/plots/BackboneBarsFigure.cpp" line="6"/>
        <source>median backbone traffic (KiB)</source>
        <translation>骨干网流量中位数 (KiB)</translation>
    </message>
</context>
<context>
    <name>d3::ui::BackboneFigure</name>
    <message>
        <location filename="../ui/plots/BackboneFigure.cpp" line="9"/>
        <source>Backbone traffic</source>
        <translation>骨干网流量</translation>
    </message>
    <message>
        <location filename="../ui/plots/BackboneFigure.cpp" line="9"/>
        <source>edge &lt;-&gt; cloud bytes per request (KiB)</source>
        <translation>每个请求的边缘 &lt;-&gt; 云端字节数（KiB）</translation>
    </message>
    <message>
        <location filename="../ui/plots/BackboneFigure.cpp" line="12"/>
        <source>backbone KiB</source>
        <translation>骨干网 KiB</translation>
    </message>
    <message>
        <location filename="../ui/plots/BackboneFigure.cpp" line="18"/>
        <source>before codecs</source>
        <translation>压缩前</translation>
    </message>
</context>
<context>
    <name>d3::ui::BandwidthFigure</name>
    <message>
        <location filename="../ui/plots/BandwidthFigure.cpp" line="10"/>
        <source>Latency against bandwidth: %1</source>
        <translation>延迟与带宽：%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/BandwidthFigure.cpp" line="10"/>
        <source>median latency (ms)</source>
        <translation>延迟中位数 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/plots/BandwidthFigure.cpp" line="15"/>
        <source>%1 bandwidth (Mbit/s)</source>
        <translation>%1 带宽 (Mbit/s)</translation>
    </message>
</context>
<context>
    <name>d3::ui::ClusterPanel</name>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="48"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="49"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="50"/>
        <source>Kill</source>
        <translation>终止</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="51"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="52"/>
        <source>Add a worker running on another machine (host:port)</source>
        <translation>添加运行在其他机器上的工作节点（主机:端口）</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="53"/>
        <source>Kill the selected worker as a crash would (a remote one is asked to exit; its supervisor starts it again)</source>
        <translation>像崩溃一样终止所选工作节点（远程节点被要求退出，由其守护进程重新启动）</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="55"/>
        <source>Restart the selected worker (a remote one: until its supervisor has started it again)</source>
        <translation>重启所选工作节点（远程节点：等待其守护进程将其重新启动）</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="58"/>
        <source>slowdown ×</source>
        <translation>减速 ×</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="59"/>
        <source>Compute padding of the selected worker (applied when you press Enter)</source>
        <translation>所选工作节点的计算填充（按回车后生效）</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="103"/>
        <source>local (slowdown ×%1)</source>
        <translation>本地（减速 ×%1）</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="146"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="147"/>
        <source>loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="148"/>
        <source>profiling</source>
        <translation>性能分析中</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="149"/>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="164"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="150"/>
        <source>dead</source>
        <translation>失效</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="157"/>
        <source>profiling %1%</source>
        <translation>性能分析 %1%</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="164"/>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="182"/>
        <source>Weights: %1</source>
        <translation>权重：%1</translation>
    </message>
</context>
<context>
    <name>d3::ui::CutsCommand</name>
    <message>
        <location filename="../ui/graph/CutsCommand.cpp" line="12"/>
        <source>move the cuts from %1, %2 to %3, %4</source>
        <translation>将切分点从 %1, %2 移到 %3, %4</translation>
    </message>
</context>
<context>
    <name>d3::ui::EventLogPanel</name>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="24"/>
        <source>%1 s  %2: %3</source>
        <translation>%1 秒  %2：%3</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="30"/>
        <source>phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="31"/>
        <source>timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="32"/>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="33"/>
        <source>plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="34"/>
        <source>node lost</source>
        <translation>节点丢失</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="35"/>
        <source>node back</source>
        <translation>节点恢复</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="36"/>
        <source>request failed</source>
        <translation>请求失败</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="37"/>
        <source>adaptation</source>
        <translation>自适应</translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="38"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>d3::ui::ExportDialog</name>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="21"/>
        <source>Data as CSV (requests.csv)</source>
        <translation>数据导出为 CSV（requests.csv）</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="23"/>
        <source>Draw titles</source>
        <translation>绘制标题</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="28"/>
        <source>Export plots and data</source>
        <translation>导出图表和数据</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="35"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="41"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="43"/>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="44"/>
        <source>Single column (3.5 in, 8 pt)</source>
        <translation>单栏 (3.5 英寸, 8 磅)</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="45"/>
        <source>Double column (7 in, 8 pt)</source>
        <translation>双栏 (7 英寸, 8 磅)</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="51"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="53"/>
        <source>Export into</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="68"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="69"/>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="70"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="71"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
</context>
<context>
    <name>d3::ui::GroupedBarsFigure</name>
    <message>
        <location filename="../ui/plots/GroupedBarsFigure.cpp" line="11"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>d3::ui::KneeFigure</name>
    <message>
        <location filename="../ui/plots/KneeFigure.cpp" line="77"/>
        <source>Throughput and p95 latency against offered load: %1</source>
        <translation>吞吐量与 p95 延迟随提供负载的变化：%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/KneeFigure.cpp" line="78"/>
        <source>throughput (completed/s)</source>
        <translation>吞吐量 (完成数/s)</translation>
    </message>
    <message>
        <location filename="../ui/plots/KneeFigure.cpp" line="105"/>
        <source>offered load (requests/s)</source>
        <translation>提供负载 (请求数/s)</translation>
    </message>
    <message>
        <location filename="../ui/plots/KneeFigure.cpp" line="106"/>
        <source>p95 latency (ms)</source>
        <translation>p95 延迟 (ms)</translation>
    </message>
</context>
<context>
    <name>d3::ui::LatencyBarsFigure</name>
    <message>
        <location filename="../ui/plots/LatencyBarsFigure.cpp" line="6"/>
        <source>Median latency by model and planner</source>
        <translation>各模型与规划器的延迟中位数</translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencyBarsFigure.cpp" line="6"/>
        <source>median latency (ms)</source>
        <translation>延迟中位数 (ms)</translation>
    </message>
</context>
<context>
    <name>d3::ui::LatencyFigure</name>
    <message>
        <location filename="../ui/plots/LatencyFigure.cpp" line="6"/>
        <source>End-to-end latency</source>
        <translation>端到端延迟</translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencyFigure.cpp" line="6"/>
        <source>end-to-end latency (ms)</source>
        <translation>端到端延迟（毫秒）</translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencySeries.cpp" line="13"/>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencySeries.cpp" line="18"/>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencySeries.cpp" line="25"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>d3::ui::LayerGraphPanel</name>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="114"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="116"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="118"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="119"/>
        <source>Fold the model into rows as wide as the view and show it whole, or its first rows</source>
        <translation>将模型按视图宽度折成多行，显示整个模型或其前几行</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="123"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="124"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="189"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="203"/>
        <source>Device | edge cut: drag to move the layers between device and edge</source>
        <translation>终端 | 边缘切分点：拖动以在终端与边缘之间移动层</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="204"/>
        <source>Edge | cloud cut: drag to move the layers between edge and cloud</source>
        <translation>边缘 | 云端切分点：拖动以在边缘与云端之间移动层</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="349"/>
        <source>cut %1: %2 KiB crossing (%n tensor(s))</source>
        <translation>
            <numerusform>切分点 %1：跨越 %2 KiB（%n 个张量）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="353"/>
        <source>predicted %1 ms</source>
        <translation>预测 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="389"/>
        <source>Select a layer to see its shape, size, FLOPs and times.</source>
        <translation>选择一层以查看其形状、大小、FLOPs 和耗时。</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="394"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="396"/>
        <source>Runs on: %1</source>
        <translation>运行于：%1</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="400"/>
        <source>Time (%1):</source>
        <translation>耗时（%1）：</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="401"/>
        <source>at speed 1: %1 ms</source>
        <translation>速度为 1 时：%1 毫秒</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="406"/>
        <source>on the %1: %2 ms</source>
        <translation>在%1上：%2 毫秒</translation>
    </message>
</context>
<context>
    <name>d3::ui::LayerNodeItem</name>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="17"/>
        <source>#%1 %2 (%3)
%4, %5</source>
        <translation>#%1 %2（%3）
%4，%5</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="50"/>
        <source>device</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="52"/>
        <source>edge</source>
        <translation>边缘</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="54"/>
        <source>edge (tiled)</source>
        <translation>边缘（分块）</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="56"/>
        <source>cloud</source>
        <translation>云端</translation>
    </message>
</context>
<context>
    <name>d3::ui::LayerStrip</name>
    <message>
        <location filename="../ui/graph/LayerStrip.cpp" line="26"/>
        <source>The whole model: each layer&apos;s tier, the cuts p and q; click to show a layer below</source>
        <translation>整个模型：每层所在的层级与切分点 p、q；点击可在下方显示该层</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerStrip.cpp" line="134"/>
        <source>layer %1 on the %2; cuts p = %3, q = %4</source>
        <translation>第 %1 层在%2；切分点 p = %3，q = %4</translation>
    </message>
</context>
<context>
    <name>d3::ui::LayerTableModel</name>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="55"/>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="69"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="71"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="73"/>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="75"/>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="77"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="79"/>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="81"/>
        <source>Output size</source>
        <translation>输出大小</translation>
    </message>
</context>
<context>
    <name>d3::ui::LinkRow</name>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="65"/>
        <source>Bandwidth %1 → %2, logarithmic from 0.1 Mbit/s to 10 Gbit/s, then unlimited</source>
        <translation>带宽 %1 → %2，对数刻度，从 0.1 Mbit/s 到 10 Gbit/s，然后为不限</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="69"/>
        <location filename="../ui/links/LinkRow.cpp" line="150"/>
        <location filename="../ui/links/LinkRow.cpp" line="225"/>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="72"/>
        <source>Exact bandwidth in Mbit/s (0 = unlimited), applied on Enter</source>
        <translation>精确带宽，单位 Mbit/s（0 表示不限），按回车生效</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="74"/>
        <source>One-way delay %1 → %2, 0 to %3 ms</source>
        <translation>单向时延 %1 → %2，0 到 %3 毫秒</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="78"/>
        <source>Exact one-way delay in ms, applied on Enter</source>
        <translation>精确单向时延，单位毫秒，按回车生效</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="79"/>
        <source>Throughput measured on the link&apos;s transfers of 64 KiB or more</source>
        <translation>按该链路上 64 KiB 及以上的传输测得的吞吐量</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="80"/>
        <source>Apply changes to %1 → %2 as well</source>
        <translation>同时应用到 %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="85"/>
        <source>both ways</source>
        <translation>双向</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="149"/>
        <source>Configured: %1, one-way delay %2 ms, burst %3 bytes</source>
        <translation>配置：%1，单向时延 %2 毫秒，突发 %3 字节</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="150"/>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="172"/>
        <source>%1: %2x smaller</source>
        <translation>%1：缩小 %2 倍</translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="175"/>
        <source>last transfer: codec %1, wire bytes / raw bytes %2</source>
        <translation>最近一次传输：编解码器 %1，线上字节 / 原始字节 %2</translation>
    </message>
</context>
<context>
    <name>d3::ui::LinksPanel</name>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="143"/>
        <source>device</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="145"/>
        <source>edge</source>
        <translation>边缘</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="147"/>
        <source>cloud</source>
        <translation>云端</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="148"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="154"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="190"/>
        <source>From</source>
        <translation>源</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="190"/>
        <source>To</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="190"/>
        <source>Bandwidth
Mbit/s</source>
        <translation>带宽
Mbit/s</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="190"/>
        <source>Delay
ms</source>
        <translation>时延
毫秒</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="191"/>
        <source>Configured
Mbit/s</source>
        <translation>配置值
Mbit/s</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="191"/>
        <source>Measured
Mbit/s</source>
        <translation>实测值
Mbit/s</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="210"/>
        <source>edges</source>
        <translation>各边缘</translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="231"/>
        <source>no links yet</source>
        <translation>尚无链路</translation>
    </message>
</context>
<context>
    <name>d3::ui::MainWindow</name>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="74"/>
        <source>d3lab: device-edge-cloud inference</source>
        <translation>d3lab：终端-边缘-云协同推理</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="137"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="138"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="139"/>
        <source>Tile grid</source>
        <translation>分块网格</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="140"/>
        <source>Links</source>
        <translation>链路</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="158"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="159"/>
        <source>&amp;Open experiment…</source>
        <translation>打开实验(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="160"/>
        <source>Open &amp;model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="160"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="161"/>
        <source>Recent experiments</source>
        <translation>最近的实验</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="164"/>
        <source>&amp;Save experiment as…</source>
        <translation>实验另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="166"/>
        <source>&amp;Export plots and data…</source>
        <translation>导出图表和数据(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="166"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="167"/>
        <source>&amp;Record session as a run…</source>
        <translation>将会话录制为运行记录(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="171"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="173"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="174"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="176"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="181"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="184"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/MainWindow.cpp" line="249"/>
        <source>Done: the experiment&apos;s %n request(s) were sent</source>
        <translation>
            <numerusform>完成：实验的 %n 个请求均已发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="348"/>
        <source>Sending the first request…</source>
        <translation>正在发送第一个请求…</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="382"/>
        <source>manual: cuts %1, %2</source>
        <translation>手动：切分点 %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="384"/>
        <source>Your plan replaces the planner&apos;s: the planner is manual until you choose one (Ctrl+Z goes back)</source>
        <translation>您的方案取代了规划器的方案：在您选择规划器之前保持手动（Ctrl+Z 可撤回）</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="476"/>
        <source>d3lab: %1</source>
        <translation>d3lab：%1</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="476"/>
        <source>no experiment</source>
        <translation>无实验</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/MainWindow.cpp" line="497"/>
        <source>Ready: press Run (F5) to send the experiment&apos;s %n request(s)</source>
        <translation>
            <numerusform>就绪：按“运行”（F5）发送实验的 %n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="533"/>
        <source>%1: %2, predicted %3 ms</source>
        <translation>%1：%2，预测 %3 毫秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/MainWindow.cpp" line="543"/>
        <source>%n request(s), last %1 ms</source>
        <translation>
            <numerusform>%n 个请求，最近一次 %1 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="545"/>
        <source>, %1 req/s</source>
        <translation>，%1 请求/秒</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="570"/>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="571"/>
        <location filename="../ui/console/MainWindow.cpp" line="579"/>
        <source>Experiments (*.json)</source>
        <translation>实验文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="578"/>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/MainWindow.cpp" line="597"/>
        <source>Wrote %n file(s) into %1</source>
        <translation>
            <numerusform>已向 %1 写入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="608"/>
        <source>Record the session into</source>
        <translation>将会话录制到</translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="616"/>
        <source>Recording into %1 (d3ctl replay %1 redraws it)</source>
        <translation>正在录制到 %1（d3ctl replay %1 可重绘）</translation>
    </message>
</context>
<context>
    <name>d3::ui::OpenModelDialog</name>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="38"/>
        <source>Seeded</source>
        <translation>按种子生成</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="39"/>
        <source>From a file</source>
        <translation>来自文件</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="42"/>
        <source>Ignore tensors the model does not use (an auxiliary head)</source>
        <translation>忽略模型未使用的张量（如辅助分类头）</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="45"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="48"/>
        <source>a state_dict (.pt) or TorchScript file</source>
        <translation>state_dict（.pt）或 TorchScript 文件</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="50"/>
        <source>Model file…</source>
        <translation>模型文件…</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="51"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="58"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="58"/>
        <source>d3lab models (*.json)</source>
        <translation>d3lab 模型 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="63"/>
        <source>Weights file</source>
        <translation>权重文件</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="64"/>
        <source>PyTorch weights (*.pt *.pth *.ts);;All files (*)</source>
        <translation>PyTorch 权重 (*.pt *.pth *.ts);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="82"/>
        <source>Built-in models, your models (%1) and model files</source>
        <translation>内置模型、你的模型（%1）与模型文件</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="86"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="108"/>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="150"/>
        <source>Choose a model.</source>
        <translation>请选择一个模型。</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="151"/>
        <source>%1: %2 layers, %3 parameters, input %4</source>
        <translation>%1：%2 层，%3 个参数，输入 %4</translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="155"/>
        <source>The weights file %1 is not there.</source>
        <translation>权重文件 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>d3::ui::PlanChoiceCommand</name>
    <message>
        <location filename="../ui/console/PlanChoiceCommand.cpp" line="10"/>
        <source>%1 instead of %2</source>
        <translation>%1（取代 %2）</translation>
    </message>
    <message>
        <location filename="../ui/console/PlanChoiceCommand.cpp" line="26"/>
        <source>%1 without tiles</source>
        <translation>%1，不分块</translation>
    </message>
    <message>
        <location filename="../ui/console/PlanChoiceCommand.cpp" line="27"/>
        <source>manual cuts %1, %2</source>
        <translation>手动切分点 %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/console/PlanChoiceCommand.cpp" line="29"/>
        <source>, %1x%2 tiles</source>
        <translation>，%1x%2 分块</translation>
    </message>
</context>
<context>
    <name>d3::ui::PlannerStyle</name>
    <message>
        <location filename="../ui/plots/PlannerStyle.cpp" line="91"/>
        <source>%1, no tiles</source>
        <translation>%1，不分块</translation>
    </message>
</context>
<context>
    <name>d3::ui::QueueDepthPanel</name>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="29"/>
        <source>Where the stream&apos;s requests are now: waiting at the device to be sent, then at each stage (computing there or queued for it), then returning; a cell fills towards the queue (waiting) or the in-flight bound. Throughput: requests completed per second over the last 5 s.</source>
        <translation>流中的请求此刻所在位置：在终端等待发送，然后位于各阶段（在该处计算或排队等候），最后回传；格子按数量填充，满格为队列长度（等待）或在途上限。吞吐量：最近 5 秒内每秒完成的请求数。</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="38"/>
        <source>waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="40"/>
        <source>device</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="42"/>
        <source>tiles</source>
        <translation>分块</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="44"/>
        <source>edge</source>
        <translation>边缘</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="46"/>
        <source>cloud</source>
        <translation>云端</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="48"/>
        <source>returning</source>
        <translation>回传中</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="92"/>
        <source>%1 req/s completed (last 5 s)</source>
        <translation>每秒完成 %1 个请求（最近 5 秒）</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="143"/>
        <source>Requests now</source>
        <translation>当前请求</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="144"/>
        <source>in flight ≤ %1</source>
        <translation>在途 ≤ %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="144"/>
        <source>one at a time</source>
        <translation>逐个发送</translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="145"/>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
</context>
<context>
    <name>d3::ui::QuitQuestion</name>
    <message>
        <location filename="../ui/console/QuitQuestion.cpp" line="9"/>
        <source>Quit d3lab?</source>
        <translation>退出 d3lab？</translation>
    </message>
    <message>
        <location filename="../ui/console/QuitQuestion.cpp" line="10"/>
        <source>Requests are running. Quit and stop them?</source>
        <translation>请求正在运行。退出并停止它们吗？</translation>
    </message>
</context>
<context>
    <name>d3::ui::RunToolBar</name>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="13"/>
        <location filename="../ui/console/RunToolBar.cpp" line="14"/>
        <location filename="../ui/console/RunToolBar.cpp" line="98"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="18"/>
        <source>Tiles</source>
        <translation>分块</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="24"/>
        <location filename="../ui/console/RunToolBar.cpp" line="112"/>
        <source>Send the experiment&apos;s requests; pause and continue them (F5)</source>
        <translation>发送实验的请求；可暂停和继续（F5）</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="26"/>
        <source>Requests sent of the experiment&apos;s count</source>
        <translation>已发送请求数 / 实验请求总数</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="29"/>
        <source> req/s</source>
        <translation> 请求/秒</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="31"/>
        <source>closed loop</source>
        <translation>闭环</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="33"/>
        <source>The planner that places the model; manual keeps the plan you drag</source>
        <translation>放置模型的规划器；手动模式保留您拖动得到的方案</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="35"/>
        <source>Allow vertical separation: the edge stack cut into tiles on several edge nodes</source>
        <translation>允许垂直分离：边缘层栈切成分块，由多个边缘节点计算</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="36"/>
        <source>last 30 s</source>
        <translation>最近 30 秒</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="37"/>
        <source>last minute</source>
        <translation>最近 1 分钟</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="38"/>
        <source>last 10 minutes</source>
        <translation>最近 10 分钟</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="39"/>
        <source>whole run</source>
        <translation>整个运行</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="98"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="98"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="98"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/RunToolBar.cpp" line="109"/>
        <source>The experiment&apos;s %n request(s) were sent; open it again to run it again</source>
        <translation>
            <numerusform>实验的 %n 个请求均已发送；重新打开实验即可再次运行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="65"/>
        <source>Requests per second, one at a time; closed loop sends the next when the last returns</source>
        <translation>每秒请求数（逐个发送）；闭环模式在上一个请求返回后发送下一个</translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="46"/>
        <source> Planner </source>
        <translation> 规划器 </translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="50"/>
        <source> Plots show </source>
        <translation> 图表显示 </translation>
    </message>
</context>
<context>
    <name>d3::ui::StageBarsFigure</name>
    <message>
        <location filename="../ui/plots/StageBarsFigure.cpp" line="12"/>
        <source>Latency by stage: %1</source>
        <translation>各阶段延迟：%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/StageBarsFigure.cpp" line="12"/>
        <source>median stage latency, stacked (ms)</source>
        <translation>各阶段延迟中位数，堆叠 (ms)</translation>
    </message>
</context>
<context>
    <name>d3::ui::StagesFigure</name>
    <message>
        <location filename="../ui/plots/StagesFigure.cpp" line="12"/>
        <source>Latency by stage</source>
        <translation>各阶段延迟</translation>
    </message>
    <message>
        <location filename="../ui/plots/StagesFigure.cpp" line="12"/>
        <source>stage latency, stacked (ms)</source>
        <translation>各阶段延迟，堆叠（毫秒）</translation>
    </message>
</context>
<context>
    <name>d3::ui::StreamToolBar</name>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="16"/>
        <location filename="../ui/console/StreamToolBar.cpp" line="17"/>
        <source>Stream</source>
        <translation>流</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="25"/>
        <source>Send the requests as a pipelined stream, several in flight, so that every tier works on a different request at once; off: one request at a time</source>
        <translation>将请求作为流水线流发送，多个请求同时在途，使各层同时处理不同的请求；关闭：逐个发送请求</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="28"/>
        <source>fixed rate</source>
        <translation>固定速率</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="29"/>
        <source>Poisson</source>
        <translation>泊松</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="30"/>
        <source>closed loop</source>
        <translation>闭环</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="31"/>
        <source>How requests arrive: at a fixed interval, at random (Poisson) intervals of the same mean, or closed loop (a new one as soon as one ends, the bound always in flight)</source>
        <translation>请求的到达方式：固定间隔，均值相同的随机（泊松）间隔，或闭环（一个结束即到达下一个，始终保持上限数量的请求在途）</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="36"/>
        <source> req/s</source>
        <translation> 请求/秒</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="39"/>
        <source>Requests offered per second (fixed and Poisson arrivals); also the rate that latency under the rate must keep up with. Arrivals beyond the bound wait at the device; a full queue drops one, on the record</source>
        <translation>每秒提供的请求数（固定速率和泊松到达）；也是“速率约束下的延迟”必须跟上的速率。超出上限的请求在终端等待；队列满时丢弃一个，并记录在案</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="46"/>
        <source> in flight</source>
        <translation> 个在途</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="47"/>
        <source>The most requests in the cluster at once (1..%1); no worker holds more than this many requests&apos; work</source>
        <translation>集群中同时在途的最多请求数（1..%1）；任何工作节点承担的请求都不会超过这个数</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="50"/>
        <source>latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="51"/>
        <source>throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="52"/>
        <source>latency under the rate</source>
        <translation>速率约束下的延迟</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="53"/>
        <source>What the planner optimises: one request&apos;s latency; the stream&apos;s throughput (the busiest tier or link, least time per request); or the least latency among the plans that keep up with the rate. The planner plans anew at once</source>
        <translation>规划器的优化目标：单个请求的延迟；流的吞吐量（最繁忙的层或链路，每个请求耗时最少）；或在能跟上该速率的方案中延迟最小者。规划器会立即重新规划</translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="62"/>
        <source> Optimise </source>
        <translation> 优化目标 </translation>
    </message>
</context>
<context>
    <name>d3::ui::TileGridPanel</name>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="54"/>
        <source>halo</source>
        <translation>光晕区</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="57"/>
        <source>Apply grid</source>
        <translation>应用网格</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="58"/>
        <source>Planner&apos;s grid</source>
        <translation>规划器的网格</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="62"/>
        <source>Outline the input region each tile reads (its share plus the halo)</source>
        <translation>勾勒每个分块读取的输入区域（其份额加光晕区）</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="67"/>
        <source>rows </source>
        <translation>行 </translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="68"/>
        <source>cols </source>
        <translation>列 </translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="69"/>
        <source>Tile the longest fused stack of the current edge range with this grid (a manual plan)</source>
        <translation>用此网格对当前边缘范围内最长的融合层栈分块（手动方案）</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="70"/>
        <source>Let the planner choose the cuts and the grid again</source>
        <translation>让规划器重新选择切分点和网格</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="127"/>
        <source>no plan yet</source>
        <translation>尚无方案</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="129"/>
        <source>untiled: no edge layers</source>
        <translation>未分块：无边缘层</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="131"/>
        <source>untiled: the edge range runs on %1</source>
        <translation>未分块：边缘范围运行于 %1</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="133"/>
        <source>stack [%1, %2) · %3 x %4 · waiting for the model</source>
        <translation>层栈 [%1, %2) · %3 x %4 · 等待模型</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="151"/>
        <source>[%1, %2) is not a fused stack of %3</source>
        <translation>[%1, %2) 不是 %3 的融合层栈</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="153"/>
        <source>the plan&apos;s tiles do not fit %1: %2</source>
        <translation>方案的分块不适用于 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="164"/>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="166"/>
        <source>tile (%1, %2) on %3
output %4 of %5
%6 MFLOPs (halo included)</source>
        <translation>分块 (%1, %2) 位于 %3
输出 %5 中的 %4
%6 MFLOPs（含光晕区）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tiles/TileGridPanel.cpp" line="175"/>
        <source>stack [%1, %2) · %3 x %4 · %n node(s) · redundant FLOPs %5%</source>
        <translation>
            <numerusform>层栈 [%1, %2) · %3 x %4 · %n 个节点 · 冗余 FLOPs %5%</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>d3::ui::TileGridView</name>
    <message>
        <location filename="../ui/tiles/TileGridView.cpp" line="57"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
</context>
<context>
    <name>d3::ui::TimelineFigure</name>
    <message>
        <location filename="../ui/plots/TimelineFigure.cpp" line="10"/>
        <source>Adaptation over the run</source>
        <translation>运行中的自适应</translation>
    </message>
    <message>
        <location filename="../ui/plots/TimelineFigure.cpp" line="10"/>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../ui/plots/TimelineFigure.cpp" line="10"/>
        <source>end-to-end latency (ms)</source>
        <translation>端到端延迟 (ms)</translation>
    </message>
</context>
</TS>
