<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Shipyard::CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type to find an action…</source>
        <translation>Tippen, um eine Aktion zu finden …</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Aktionsfilter</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ValidateCommand</name>
    <message>
        <source>check an ecosystem file and report every problem</source>
        <translation>eine Ökosystem-Datei prüfen und jedes Problem melden</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>die Ökosystem-Datei</translation>
    </message>
    <message>
        <source>print nothing when the file is valid</source>
        <translation>nichts ausgeben, wenn die Datei gültig ist</translation>
    </message>
    <message>
        <source>expected exactly one ecosystem file</source>
        <translation>genau eine Ökosystem-Datei erwartet</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: valid ecosystem '%2': %3 systems, %4 environments</source>
        <translation>%1: gültiges Ökosystem „%2“: %3 Systeme, %4 Umgebungen</translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation><numerusform>, %n Warnung</numerusform><numerusform>, %n Warnungen</numerusform></translation>
    </message>
</context>
<context>
    <name>Shipyard::DiagnosticsModel</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::EcosystemSourceView</name>
    <message>
        <source>Ecosystem file</source>
        <translation>Ökosystem-Datei</translation>
    </message>
</context>
<context>
    <name>Shipyard::EnvironmentMatrixModel</name>
    <message>
        <source>not delivered here</source>
        <translation>hier nicht ausgeliefert</translation>
    </message>
    <message>
        <source>%1
no live data yet</source>
        <translation>%1
noch keine Live-Daten</translation>
    </message>
    <message>
        <source>The environment '%1' does not run %2.</source>
        <translation>Die Umgebung „%1“ betreibt %2 nicht.</translation>
    </message>
    <message>
        <source>%1 in namespace %2 of context %3.
The live state (image, health, age) appears once the cluster connection reports it.</source>
        <translation>%1 im Namespace %2 des Kontexts %3.
Der Live-Zustand (Image, Zustand, Alter) erscheint, sobald die Cluster-Verbindung ihn meldet.</translation>
    </message>
    <message>
        <source>%1 is protected: actions ask you to type its name.</source>
        <translation>%1 ist geschützt: Aktionen verlangen die Eingabe des Namens.</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>Kontext %1</translation>
    </message>
    <message>
        <source>%1 · context %2</source>
        <translation>%1 · Kontext %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::MainWindow</name>
    <message>
        <source>Shipyard</source>
        <translation>Shipyard</translation>
    </message>
    <message>
        <source>&amp;Environments</source>
        <translation>&amp;Umgebungen</translation>
    </message>
    <message>
        <source>Open an ecosystem file to begin (File → Open).</source>
        <translation>Öffnen Sie zum Beginnen eine Ökosystem-Datei (Datei → Öffnen).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Systems × environments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Systeme × Umgebungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Environment matrix</source>
        <translation>Umgebungsmatrix</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt;</source>
        <translation>&lt;b&gt;Probleme&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Problems in the ecosystem file</source>
        <translation>Probleme in der Ökosystem-Datei</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Ecosystem…</source>
        <translation>Ökosystem ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Shipyard</source>
        <translation>&amp;Über Shipyard</translation>
    </message>
    <message>
        <source>About Shipyard</source>
        <translation>Über Shipyard</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shipyard %1&lt;/h3&gt;&lt;p&gt;A control center for delivering microservices to Kubernetes: environments, deliveries, rollbacks and showrooms.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Shipyard %1&lt;/h3&gt;&lt;p&gt;Ein Kontrollzentrum für die Auslieferung von Microservices an Kubernetes: Umgebungen, Auslieferungen, Rollbacks und Showrooms.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Ecosystem</source>
        <translation>Ökosystem öffnen</translation>
    </message>
    <message>
        <source>Ecosystem files (*.yaml *.yml);;All files (*)</source>
        <translation>Ökosystem-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; — none</source>
        <translation>&lt;b&gt;Probleme&lt;/b&gt; — keine</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; — %1 error(s), %2 warning(s)</source>
        <translation>&lt;b&gt;Probleme&lt;/b&gt; — %1 Fehler, %2 Warnung(en)</translation>
    </message>
    <message>
        <source>%1 — Shipyard</source>
        <translation>%1 — Shipyard</translation>
    </message>
    <message>
        <source>%1: %2 systems, %3 environments. Live cluster state is not connected yet.</source>
        <translation>%1: %2 Systeme, %3 Umgebungen. Der Live-Zustand des Clusters ist noch nicht verbunden.</translation>
    </message>
    <message>
        <source>%1 has errors; fix them and reload (F5).</source>
        <translation>%1 enthält Fehler; beheben Sie sie und laden Sie neu (F5).</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette …</translation>
    </message>
</context>
<context>
    <name>WindowScreenshot</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Delivering microservices to Kubernetes</source>
        <translation>Microservices an Kubernetes ausliefern</translation>
    </message>
    <message>
        <source>Open this ecosystem file.</source>
        <translation>Diese Ökosystem-Datei öffnen.</translation>
    </message>
    <message>
        <source>Render the window into a PNG file and exit.</source>
        <translation>Das Fenster als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>The view to show: %1.</source>
        <translation>Die anzuzeigende Ansicht: %1.</translation>
    </message>
    <message>
        <source>light, dark or system (the default).</source>
        <translation>light, dark oder system (Standard).</translation>
    </message>
</context>
<context>
    <name>shipyardctl</name>
    <message>
        <source>usage: shipyardctl COMMAND [OPTIONS]

Commands:
</source>
        <translation>Aufruf: shipyardctl BEFEHL [OPTIONEN]

Befehle:
</translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 the command failed or found problems, 2 usage error (bad arguments, missing file).
Run 'shipyardctl COMMAND --help' for a command's options.
</source>
        <translation>
Exit-Codes: 0 Erfolg, 1 der Befehl schlug fehl oder fand Probleme, 2 Aufruffehler (falsche Argumente, fehlende Datei).
'shipyardctl BEFEHL --help' zeigt die Optionen eines Befehls.
</translation>
    </message>
    <message>
        <source>shipyardctl: unknown command '%1'
</source>
        <translation>shipyardctl: unbekannter Befehl „%1“
</translation>
    </message>
</context>
</TS>