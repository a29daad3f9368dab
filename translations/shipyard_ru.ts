<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>Shipyard::Ctl::ValidateCommand</name>
    <message>
        <source>check an ecosystem file and report every problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print nothing when the file is valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected exactly one ecosystem file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: valid ecosystem &apos;%2&apos;: %3 systems, %4 environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::DiagnosticsModel</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shipyard::EcosystemSourceView</name>
    <message>
        <source>Ecosystem file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shipyard::EnvironmentMatrixModel</name>
    <message>
        <source>not delivered here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
no live data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment &apos;%1&apos; does not run %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in namespace %2 of context %3.
The live state (image, health, age) appears once the cluster connection reports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is protected: actions ask you to type its name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shipyard::MainWindow</name>
    <message>
        <source>Shipyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an ecosystem file to begin (File → Open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Systems × environments&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the ecosystem file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Ecosystem…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Shipyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Shipyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shipyard %1&lt;/h3&gt;&lt;p&gt;A control center for delivering microservices to Kubernetes: environments, deliveries, rollbacks and showrooms.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Ecosystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ecosystem files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; — none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; — %1 error(s), %2 warning(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Shipyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 systems, %3 environments. Live cluster state is not connected yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has errors; fix them and reload (F5).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowScreenshot</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Delivering microservices to Kubernetes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this ecosystem file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the window into a PNG file and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view to show: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shipyardctl</name>
    <message>
        <source>usage: shipyardctl COMMAND [OPTIONS]

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 the command failed or found problems, 2 usage error (bad arguments, missing file).
Run &apos;shipyardctl COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipyardctl: unknown command &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
