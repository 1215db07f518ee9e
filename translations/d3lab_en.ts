<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RunFigure</name>
    <message>
        <location filename="../ui/plots/EventMarkers.cpp" line="173"/>
        <source>new plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/EventMarkers.cpp" line="174"/>
        <source>timeline event / phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/EventMarkers.cpp" line="203"/>
        <source>oracle probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/RunFigure.cpp" line="10"/>
        <source>time since the run started (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="14"/>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="15"/>
        <source>uplink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="16"/>
        <source>tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="17"/>
        <source>edge-edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="18"/>
        <source>edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="19"/>
        <source>backbone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="20"/>
        <source>cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageStyle.cpp" line="21"/>
        <source>return</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::AddNodeDialog</name>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="31"/>
        <source>Add a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="33"/>
        <source>edge4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="34"/>
        <source>192.168.1.20:7000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="35"/>
        <source>Look for workers on the LAN (listen for UDP announcements on port %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="36"/>
        <source>Workers started with --beacon announce their role and port; nothing is sent from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="56"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="57"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="58"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="89"/>
        <source>%1 (%2) at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="116"/>
        <source>The name is 1..128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/AddNodeDialog.cpp" line="118"/>
        <source>The address is HOST:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::BackboneBarsFigure</name>
    <message>
        <location filename="../ui/plots/BackboneBarsFigure.cpp" line="6"/>
        <source>Backbone traffic by model and planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/BackboneBarsFigure.cpp" line="6"/>
        <source>median backbone traffic (KiB)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::BackboneFigure</name>
    <message>
        <location filename="../ui/plots/BackboneFigure.cpp" line="9"/>
        <source>Backbone traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/BackboneFigure.cpp" line="9"/>
        <source>edge &lt;-&gt; cloud bytes per request (KiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/BackboneFigure.cpp" line="12"/>
        <source>backbone KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/BackboneFigure.cpp" line="18"/>
        <source>before codecs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::BandwidthFigure</name>
    <message>
        <location filename="../ui/plots/BandwidthFigure.cpp" line="10"/>
        <source>Latency against bandwidth: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/BandwidthFigure.cpp" line="10"/>
        <source>median latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/BandwidthFigure.cpp" line="15"/>
        <source>%1 bandwidth (Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::ClusterPanel</name>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="27"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="48"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="49"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="50"/>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="51"/>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="52"/>
        <source>Add a worker running on another machine (host:port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="53"/>
        <source>Kill the selected worker as a crash would (a remote one is asked to exit; its supervisor starts it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="55"/>
        <source>Restart the selected worker (a remote one: until its supervisor has started it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="58"/>
        <source>slowdown ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="59"/>
        <source>Compute padding of the selected worker (applied when you press Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="103"/>
        <source>local (slowdown ×%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="146"/>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="147"/>
        <source>loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="148"/>
        <source>profiling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="149"/>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="164"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="150"/>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="157"/>
        <source>profiling %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="164"/>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cluster/ClusterPanel.cpp" line="182"/>
        <source>Weights: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::CutsCommand</name>
    <message>
        <location filename="../ui/graph/CutsCommand.cpp" line="12"/>
        <source>move the cuts from %1, %2 to %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::EventLogPanel</name>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="24"/>
        <source>%1 s  %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="30"/>
        <source>phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="31"/>
        <source>timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="32"/>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="33"/>
        <source>plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="34"/>
        <source>node lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="35"/>
        <source>node back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="36"/>
        <source>request failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="37"/>
        <source>adaptation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/EventLogPanel.cpp" line="38"/>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::ExportDialog</name>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="21"/>
        <source>Data as CSV (requests.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="23"/>
        <source>Draw titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="28"/>
        <source>Export plots and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="35"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="41"/>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="43"/>
        <source>Custom size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="44"/>
        <source>Single column (3.5 in, 8 pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="45"/>
        <source>Double column (7 in, 8 pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="51"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="53"/>
        <source>Export into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="68"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="69"/>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="70"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/ExportDialog.cpp" line="71"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::GroupedBarsFigure</name>
    <message>
        <location filename="../ui/plots/GroupedBarsFigure.cpp" line="11"/>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::KneeFigure</name>
    <message>
        <location filename="../ui/plots/KneeFigure.cpp" line="77"/>
        <source>Throughput and p95 latency against offered load: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/KneeFigure.cpp" line="78"/>
        <source>throughput (completed/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/KneeFigure.cpp" line="105"/>
        <source>offered load (requests/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/KneeFigure.cpp" line="106"/>
        <source>p95 latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::LatencyBarsFigure</name>
    <message>
        <location filename="../ui/plots/LatencyBarsFigure.cpp" line="6"/>
        <source>Median latency by model and planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencyBarsFigure.cpp" line="6"/>
        <source>median latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::LatencyFigure</name>
    <message>
        <location filename="../ui/plots/LatencyFigure.cpp" line="6"/>
        <source>End-to-end latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencyFigure.cpp" line="6"/>
        <source>end-to-end latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencySeries.cpp" line="13"/>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencySeries.cpp" line="18"/>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/LatencySeries.cpp" line="25"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::LayerGraphPanel</name>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="114"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="116"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="118"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="119"/>
        <source>Fold the model into rows as wide as the view and show it whole, or its first rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="123"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="124"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="189"/>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="203"/>
        <source>Device | edge cut: drag to move the layers between device and edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="204"/>
        <source>Edge | cloud cut: drag to move the layers between edge and cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="349"/>
        <source>cut %1: %2 KiB crossing (%n tensor(s))</source>
        <translation>
            <numerusform>cut %1: %2 KiB crossing (%n tensor)</numerusform>
            <numerusform>cut %1: %2 KiB crossing (%n tensors)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="353"/>
        <source>predicted %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="389"/>
        <source>Select a layer to see its shape, size, FLOPs and times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="394"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="396"/>
        <source>Runs on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="400"/>
        <source>Time (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="401"/>
        <source>at speed 1: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerGraphPanel.cpp" line="406"/>
        <source>on the %1: %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::LayerNodeItem</name>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="17"/>
        <source>#%1 %2 (%3)
%4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="50"/>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="52"/>
        <source>edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="54"/>
        <source>edge (tiled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerNodeItem.cpp" line="56"/>
        <source>cloud</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::LayerStrip</name>
    <message>
        <location filename="../ui/graph/LayerStrip.cpp" line="26"/>
        <source>The whole model: each layer&apos;s tier, the cuts p and q; click to show a layer below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerStrip.cpp" line="134"/>
        <source>layer %1 on the %2; cuts p = %3, q = %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::LayerTableModel</name>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="55"/>
        <source>%1 M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="69"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="71"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="73"/>
        <source>Op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="75"/>
        <source>Output shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="77"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="79"/>
        <source>FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="81"/>
        <source>Output size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::LinkRow</name>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="65"/>
        <source>Bandwidth %1 → %2, logarithmic from 0.1 Mbit/s to 10 Gbit/s, then unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="69"/>
        <location filename="../ui/links/LinkRow.cpp" line="150"/>
        <location filename="../ui/links/LinkRow.cpp" line="225"/>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="72"/>
        <source>Exact bandwidth in Mbit/s (0 = unlimited), applied on Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="74"/>
        <source>One-way delay %1 → %2, 0 to %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="78"/>
        <source>Exact one-way delay in ms, applied on Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="79"/>
        <source>Throughput measured on the link&apos;s transfers of 64 KiB or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="80"/>
        <source>Apply changes to %1 → %2 as well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="85"/>
        <source>both ways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="149"/>
        <source>Configured: %1, one-way delay %2 ms, burst %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="150"/>
        <source>%1 Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="172"/>
        <source>%1: %2x smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinkRow.cpp" line="175"/>
        <source>last transfer: codec %1, wire bytes / raw bytes %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::LinksPanel</name>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="143"/>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="145"/>
        <source>edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="147"/>
        <source>cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="148"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="154"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="190"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="190"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="190"/>
        <source>Bandwidth
Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="190"/>
        <source>Delay
ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="191"/>
        <source>Configured
Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="191"/>
        <source>Measured
Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="210"/>
        <source>edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/links/LinksPanel.cpp" line="231"/>
        <source>no links yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::MainWindow</name>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="74"/>
        <source>d3lab: device-edge-cloud inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="137"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="138"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="139"/>
        <source>Tile grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="140"/>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="158"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="159"/>
        <source>&amp;Open experiment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="160"/>
        <source>Open &amp;model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="160"/>
        <source>Ctrl+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="161"/>
        <source>Recent experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="164"/>
        <source>&amp;Save experiment as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="166"/>
        <source>&amp;Export plots and data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="166"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="167"/>
        <source>&amp;Record session as a run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="171"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="173"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="174"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="176"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="181"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="184"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/MainWindow.cpp" line="249"/>
        <source>Done: the experiment&apos;s %n request(s) were sent</source>
        <translation>
            <numerusform>Done: the experiment&apos;s %n request was sent</numerusform>
            <numerusform>Done: the experiment&apos;s %n requests were sent</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="348"/>
        <source>Sending the first request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="382"/>
        <source>manual: cuts %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="384"/>
        <source>Your plan replaces the planner&apos;s: the planner is manual until you choose one (Ctrl+Z goes back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="476"/>
        <source>d3lab: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="476"/>
        <source>no experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/MainWindow.cpp" line="497"/>
        <source>Ready: press Run (F5) to send the experiment&apos;s %n request(s)</source>
        <translation>
            <numerusform>Ready: press Run (F5) to send the experiment&apos;s %n request</numerusform>
            <numerusform>Ready: press Run (F5) to send the experiment&apos;s %n requests</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="533"/>
        <source>%1: %2, predicted %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/MainWindow.cpp" line="543"/>
        <source>%n request(s), last %1 ms</source>
        <translation>
            <numerusform>%n request, last %1 ms</numerusform>
            <numerusform>%n requests, last %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="545"/>
        <source>, %1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="570"/>
        <source>Open experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="571"/>
        <location filename="../ui/console/MainWindow.cpp" line="579"/>
        <source>Experiments (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="578"/>
        <source>Save experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/MainWindow.cpp" line="597"/>
        <source>Wrote %n file(s) into %1</source>
        <translation>
            <numerusform>Wrote %n file into %1</numerusform>
            <numerusform>Wrote %n files into %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="608"/>
        <source>Record the session into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/MainWindow.cpp" line="616"/>
        <source>Recording into %1 (d3ctl replay %1 redraws it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::OpenModelDialog</name>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="38"/>
        <source>Seeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="39"/>
        <source>From a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="42"/>
        <source>Ignore tensors the model does not use (an auxiliary head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="45"/>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="48"/>
        <source>a state_dict (.pt) or TorchScript file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="50"/>
        <source>Model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="51"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="58"/>
        <source>Model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="58"/>
        <source>d3lab models (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="63"/>
        <source>Weights file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="64"/>
        <source>PyTorch weights (*.pt *.pth *.ts);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="82"/>
        <source>Built-in models, your models (%1) and model files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="86"/>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="108"/>
        <source>%1 (built-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="150"/>
        <source>Choose a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="151"/>
        <source>%1: %2 layers, %3 parameters, input %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/OpenModelDialog.cpp" line="155"/>
        <source>The weights file %1 is not there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::PlanChoiceCommand</name>
    <message>
        <location filename="../ui/console/PlanChoiceCommand.cpp" line="10"/>
        <source>%1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/PlanChoiceCommand.cpp" line="26"/>
        <source>%1 without tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/PlanChoiceCommand.cpp" line="27"/>
        <source>manual cuts %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/PlanChoiceCommand.cpp" line="29"/>
        <source>, %1x%2 tiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::PlannerStyle</name>
    <message>
        <location filename="../ui/plots/PlannerStyle.cpp" line="91"/>
        <source>%1, no tiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::QueueDepthPanel</name>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="29"/>
        <source>Where the stream&apos;s requests are now: waiting at the device to be sent, then at each stage (computing there or queued for it), then returning; a cell fills towards the queue (waiting) or the in-flight bound. Throughput: requests completed per second over the last 5 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="38"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="40"/>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="42"/>
        <source>tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="44"/>
        <source>edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="46"/>
        <source>cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="48"/>
        <source>returning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="92"/>
        <source>%1 req/s completed (last 5 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="143"/>
        <source>Requests now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="144"/>
        <source>in flight ≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="144"/>
        <source>one at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/QueueDepthPanel.cpp" line="145"/>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::QuitQuestion</name>
    <message>
        <location filename="../ui/console/QuitQuestion.cpp" line="9"/>
        <source>Quit d3lab?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/QuitQuestion.cpp" line="10"/>
        <source>Requests are running. Quit and stop them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::RunToolBar</name>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="13"/>
        <location filename="../ui/console/RunToolBar.cpp" line="14"/>
        <location filename="../ui/console/RunToolBar.cpp" line="98"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="18"/>
        <source>Tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="24"/>
        <location filename="../ui/console/RunToolBar.cpp" line="112"/>
        <source>Send the experiment&apos;s requests; pause and continue them (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="26"/>
        <source>Requests sent of the experiment&apos;s count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="29"/>
        <source> req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="31"/>
        <source>closed loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="33"/>
        <source>The planner that places the model; manual keeps the plan you drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="35"/>
        <source>Allow vertical separation: the edge stack cut into tiles on several edge nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="36"/>
        <source>last 30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="37"/>
        <source>last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="38"/>
        <source>last 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="39"/>
        <source>whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="98"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="98"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="98"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/console/RunToolBar.cpp" line="109"/>
        <source>The experiment&apos;s %n request(s) were sent; open it again to run it again</source>
        <translation>
            <numerusform>The experiment&apos;s %n request was sent; open it again to run it again</numerusform>
            <numerusform>The experiment&apos;s %n requests were sent; open it again to run it again</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="65"/>
        <source>Requests per second, one at a time; closed loop sends the next when the last returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="46"/>
        <source> Planner </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/RunToolBar.cpp" line="50"/>
        <source> Plots show </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::StageBarsFigure</name>
    <message>
        <location filename="../ui/plots/StageBarsFigure.cpp" line="12"/>
        <source>Latency by stage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StageBarsFigure.cpp" line="12"/>
        <source>median stage latency, stacked (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::StagesFigure</name>
    <message>
        <location filename="../ui/plots/StagesFigure.cpp" line="12"/>
        <source>Latency by stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/StagesFigure.cpp" line="12"/>
        <source>stage latency, stacked (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::StreamToolBar</name>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="16"/>
        <location filename="../ui/console/StreamToolBar.cpp" line="17"/>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="25"/>
        <source>Send the requests as a pipelined stream, several in flight, so that every tier works on a different request at once; off: one request at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="28"/>
        <source>fixed rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="29"/>
        <source>Poisson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="30"/>
        <source>closed loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="31"/>
        <source>How requests arrive: at a fixed interval, at random (Poisson) intervals of the same mean, or closed loop (a new one as soon as one ends, the bound always in flight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="36"/>
        <source> req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="39"/>
        <source>Requests offered per second (fixed and Poisson arrivals); also the rate that latency under the rate must keep up with. Arrivals beyond the bound wait at the device; a full queue drops one, on the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="46"/>
        <source> in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="47"/>
        <source>The most requests in the cluster at once (1..%1); no worker holds more than this many requests&apos; work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="50"/>
        <source>latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="51"/>
        <source>throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="52"/>
        <source>latency under the rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="53"/>
        <source>What the planner optimises: one request&apos;s latency; the stream&apos;s throughput (the busiest tier or link, least time per request); or the least latency among the plans that keep up with the rate. The planner plans anew at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/console/StreamToolBar.cpp" line="62"/>
        <source> Optimise </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::TileGridPanel</name>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="54"/>
        <source>halo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="57"/>
        <source>Apply grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="58"/>
        <source>Planner&apos;s grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="62"/>
        <source>Outline the input region each tile reads (its share plus the halo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="67"/>
        <source>rows </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="68"/>
        <source>cols </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="69"/>
        <source>Tile the longest fused stack of the current edge range with this grid (a manual plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="70"/>
        <source>Let the planner choose the cuts and the grid again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="127"/>
        <source>no plan yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="129"/>
        <source>untiled: no edge layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="131"/>
        <source>untiled: the edge range runs on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="133"/>
        <source>stack [%1, %2) · %3 x %4 · waiting for the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="151"/>
        <source>[%1, %2) is not a fused stack of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="153"/>
        <source>the plan&apos;s tiles do not fit %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="164"/>
        <source>node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tiles/TileGridPanel.cpp" line="166"/>
        <source>tile (%1, %2) on %3
output %4 of %5
%6 MFLOPs (halo included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tiles/TileGridPanel.cpp" line="175"/>
        <source>stack [%1, %2) · %3 x %4 · %n node(s) · redundant FLOPs %5%</source>
        <translation>
            <numerusform>stack [%1, %2) · %3 x %4 · %n node · redundant FLOPs %5%</numerusform>
            <numerusform>stack [%1, %2) · %3 x %4 · %n nodes · redundant FLOPs %5%</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>d3::ui::TileGridView</name>
    <message>
        <location filename="../ui/tiles/TileGridView.cpp" line="57"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>d3::ui::TimelineFigure</name>
    <message>
        <location filename="../ui/plots/TimelineFigure.cpp" line="10"/>
        <source>Adaptation over the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/TimelineFigure.cpp" line="10"/>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/plots/TimelineFigure.cpp" line="10"/>
        <source>end-to-end latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
