<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>浮点运算量</translation>
    </message>
    <message>
        <location filename="../ui/graph/LayerTableModel.cpp" line="81"/>
        <source>Output size</source>
        <translation>输出大小</translation>
    </message>
</context>
</TS>
