<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Shipyard::Ctl::DoctorCommand</name>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RobotCommand</name>
    <message numerus="yes">
        <source>pass woken by %n webhook(s), the first %1 ms ago: %2</source>
        <translation>
            <numerusform>pass woken by %n webhook, the first %1 ms ago: %2</numerusform>
            <numerusform>pass woken by %n webhooks, the first %1 ms ago: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RobotLog</name>
    <message numerus="yes">
        <source>pass over: %n action(s)</source>
        <translation>
            <numerusform>pass over: %n action</numerusform>
            <numerusform>pass over: %n actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ShowroomCommand</name>
    <message numerus="yes">
        <source>%n showroom(s) kept</source>
        <translation>
            <numerusform>%n showroom kept</numerusform>
            <numerusform>%n showrooms kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::TasksCommand</name>
    <message numerus="yes">
        <source>%n branch(es) without a task key: </source>
        <translation>
            <numerusform>%n branch without a task key: </numerusform>
            <numerusform>%n branches without a task key: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ValidateCommand</name>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>, %n warning</numerusform>
            <numerusform>, %n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rendering(s) checked</source>
        <translation>
            <numerusform>, %n rendering checked</numerusform>
            <numerusform>, %n renderings checked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryLogView</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryQueueModel</name>
    <message numerus="yes">
        <source>Queue: %n waiting</source>
        <translation>
            <numerusform>Queue: %n waiting</numerusform>
            <numerusform>Queue: %n waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::DoctorModel</name>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::EnvironmentComparisonModel</name>
    <message numerus="yes">
        <source>%1 → %2: %n commit(s) only in %3</source>
        <translation>
            <numerusform>%1 → %2: %n commit only in %3</numerusform>
            <numerusform>%1 → %2: %n commits only in %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::EnvironmentMatrixModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform>
            <numerusform>%n d ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>
⚑ %1 delivers · %n waiting</source>
        <translation>
            <numerusform>
⚑ %1 delivers · %n waiting</numerusform>
            <numerusform>
⚑ %1 delivers · %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>
%n waiting</source>
        <translation>
            <numerusform>
%n waiting</numerusform>
            <numerusform>
%n waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::HistoryView</name>
    <message numerus="yes">
        <source>%n release(s) in %1.</source>
        <translation>
            <numerusform>%n release in %1.</numerusform>
            <numerusform>%n releases in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::MetricsView</name>
    <message numerus="yes">
        <source>the last %n day(s)</source>
        <translation>
            <numerusform>the last %n day</numerusform>
            <numerusform>the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) of %1 since %2.</source>
        <translation>
            <numerusform>%n deployment of %1 since %2.</numerusform>
            <numerusform>%n deployments of %1 since %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) in %1 day(s)</source>
        <translation>
            <numerusform>%n deployment in %1 day(s)</numerusform>
            <numerusform>%n deployments in %1 day(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n deployment(s) failed or were rolled back</source>
        <translation>
            <numerusform>%1 of %n deployment failed or was rolled back</numerusform>
            <numerusform>%1 of %n deployments failed or were rolled back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mean over %n failure(s), to the next good release</source>
        <translation>
            <numerusform>mean over %n failure, to the next good release</numerusform>
            <numerusform>mean over %n failures, to the next good release</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>median from commit to release over %n commit(s)</source>
        <translation>
            <numerusform>median from commit to release over %n commit</numerusform>
            <numerusform>median from commit to release over %n commits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::SystemLogView</name>
    <message numerus="yes">
        <source>%n line(s) (%1 dropped)</source>
        <translation>
            <numerusform>%n line (%1 dropped)</numerusform>
            <numerusform>%n lines (%1 dropped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n shown</source>
        <translation>
            <numerusform>, %n shown</numerusform>
            <numerusform>, %n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n pod(s)</source>
        <translation>
            <numerusform> · %n pod</numerusform>
            <numerusform> · %n pods</numerusform>
        </translation>
    </message>
</context>
</TS>
