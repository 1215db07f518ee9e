<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</TS>
