<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>KubeError</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>No cluster connection</source>
        <translation>Keine Verbindung zum Cluster</translation>
    </message>
    <message>
        <source>The server does not offer aggregated discovery (Kubernetes 1.30 or newer needed)</source>
        <translation>Der Server bietet keine aggregierte Discovery an (Kubernetes 1.30 oder neuer erforderlich)</translation>
    </message>
    <message>
        <source> in namespace &quot;%1&quot;</source>
        <translation> im Namespace „%1“</translation>
    </message>
    <message>
        <source>Unauthorized: the server did not accept the credentials (token expired or revoked, or a client certificate it does not trust)</source>
        <translation>Nicht autorisiert: Der Server hat die Zugangsdaten nicht akzeptiert (Token abgelaufen oder widerrufen, oder ein Client-Zertifikat, dem er nicht vertraut)</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Forbidden: %1 may not %2 %3</source>
        <translation>Verboten: %2 %3 ist für %1 nicht erlaubt</translation>
    </message>
    <message>
        <source>Not found: the server does not serve %1</source>
        <translation>Nicht gefunden: Der Server stellt %1 nicht bereit</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Conflict: applying %1 would take fields that other managers own: %2. Apply with force to take them over.</source>
        <translation>Konflikt: Das Anwenden von %1 würde Felder übernehmen, die anderen Managern gehören: %2. Wenden Sie es mit „force“ an, um sie zu übernehmen.</translation>
    </message>
    <message>
        <source>Already exists: %1</source>
        <translation>Existiert bereits: %1</translation>
    </message>
    <message>
        <source>Conflict: %1 changed since it was read (%2)</source>
        <translation>Konflikt: %1 wurde seit dem Lesen geändert (%2)</translation>
    </message>
    <message>
        <source>Expired: the resource version is too old, the list must start again (%1)</source>
        <translation>Abgelaufen: Die Ressourcenversion ist zu alt, die Liste muss neu beginnen (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Invalid: %1: %2</source>
        <translation>Ungültig: %1: %2</translation>
    </message>
    <message>
        <source>Too many requests: the server asks to slow down (%1)</source>
        <translation>Zu viele Anfragen: Der Server bittet darum, langsamer zu werden (%1)</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 for %2 %3</source>
        <translation>Der Server antwortete mit HTTP %1 auf %2 %3</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Timed out talking to %1 (%2)</source>
        <translation>Zeitüberschreitung bei der Kommunikation mit %1 (%2)</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not valid for the name &quot;%1&quot; (%2). Use an address the certificate names, or set tls-server-name in the kubeconfig.</source>
        <translation>TLS: Das Zertifikat des Servers ist für den Namen „%1“ nicht gültig (%2). Verwenden Sie eine Adresse, die im Zertifikat steht, oder setzen Sie tls-server-name in der kubeconfig.</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is outside its validity period (%1). Check the clock, or renew the certificate.</source>
        <translation>TLS: Das Zertifikat des Servers liegt außerhalb seines Gültigkeitszeitraums (%1). Prüfen Sie die Uhr oder erneuern Sie das Zertifikat.</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not signed by the certificate authority the kubeconfig trusts (certificate-authority / certificate-authority-data) (%1)</source>
        <translation>TLS: Das Zertifikat des Servers ist nicht von der Zertifizierungsstelle signiert, der die kubeconfig vertraut (certificate-authority / certificate-authority-data) (%1)</translation>
    </message>
    <message>
        <source>TLS: the client certificate or key of the kubeconfig user cannot be used (%1)</source>
        <translation>TLS: Das Client-Zertifikat oder der Schlüssel des kubeconfig-Benutzers kann nicht verwendet werden (%1)</translation>
    </message>
    <message>
        <source>TLS: the certificate authority of the kubeconfig cannot be read (%1)</source>
        <translation>TLS: Die Zertifizierungsstelle der kubeconfig kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>TLS: the server refused the client certificate (%1)</source>
        <translation>TLS: Der Server hat das Client-Zertifikat abgelehnt (%1)</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed (%2)</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>Cannot resolve the server name of %1 (%2)</source>
        <translation>Der Servername von %1 kann nicht aufgelöst werden (%2)</translation>
    </message>
    <message>
        <source>The proxy for %1 failed (%2)</source>
        <translation>Der Proxy für %1 ist fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>Cannot connect to %1: is the cluster running? (%2)</source>
        <translation>Verbindung zu %1 nicht möglich: Läuft der Cluster? (%2)</translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation>Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>An event of the watch of %1 exceeded %2 without a line end: stopped reading</source>
        <translation>Ein Ereignis des Watch auf %1 überschritt %2 ohne Zeilenende: Lesen abgebrochen</translation>
    </message>
    <message>
        <source>A line of the log at %1 exceeded %2 without a line end: stopped reading</source>
        <translation>Eine Zeile des Logs unter %1 überschritt %2 ohne Zeilenende: Lesen abgebrochen</translation>
    </message>
    <message>
        <source>The answer of %1 exceeded %2: stopped reading</source>
        <translation>Die Antwort auf %1 überschritt %2: Lesen abgebrochen</translation>
    </message>
    <message>
        <source>The error answer (HTTP %1) of %2 exceeded %3: stopped reading</source>
        <translation>Die Fehlerantwort (HTTP %1) auf %2 überschritt %3: Lesen abgebrochen</translation>
    </message>
    <message>
        <source>The server did not begin to answer %1 within %2 s: stopped waiting</source>
        <translation>Der Server hat nicht innerhalb von %2 s begonnen, auf %1 zu antworten: Warten abgebrochen</translation>
    </message>
    <message>
        <source>The server sent nothing for %1 s on %2: stopped waiting</source>
        <translation>Der Server hat %1 s lang nichts auf %2 gesendet: Warten abgebrochen</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2, a redirect to &quot;%3&quot;: Shipyard follows no redirects from a cluster (is the server address of the kubeconfig its API server?)</source>
        <translation>%1 antwortete mit HTTP %2, einer Weiterleitung nach „%3“: Shipyard folgt keinen Weiterleitungen eines Clusters (ist die Serveradresse der kubeconfig sein API-Server?)</translation>
    </message>
    <message>
        <source>The answer of %1 is not JSON: it begins with &quot;%2&quot;</source>
        <translation>Die Antwort auf %1 ist kein JSON: Sie beginnt mit „%2“</translation>
    </message>
    <message>
        <source>The server address %1 is not http or https, the only protocols Shipyard speaks to a cluster (%2)</source>
        <translation>Die Serveradresse %1 ist weder http noch https, die einzigen Protokolle, über die Shipyard mit einem Cluster spricht (%2)</translation>
    </message>
    <message>
        <source>An event of the watch of %1 is not JSON: %2 at byte %3</source>
        <translation>Ein Ereignis des Watch auf %1 ist kein JSON: %2 bei Byte %3</translation>
    </message>
    <message>
        <source>An event of the watch of %1 has no type</source>
        <translation>Ein Ereignis des Watch auf %1 hat keinen Typ</translation>
    </message>
    <message>
        <source>The answer of %1 is not JSON: %2 at byte %3</source>
        <translation>Die Antwort auf %1 ist kein JSON: %2 bei Byte %3</translation>
    </message>
    <message>
        <source>The connection to %1 was dropped during the TLS handshake (%2)</source>
        <translation>Die Verbindung zu %1 wurde während des TLS-Handshakes abgebrochen (%2)</translation>
    </message>
</context>
<context>
    <name>Shipyard::AlertmanagerClient</name>
    <message>
        <source>invalid Alertmanager URL: %1</source>
        <translation>ungültige Alertmanager-URL: %1</translation>
    </message>
    <message>
        <source>query to Alertmanager cancelled</source>
        <translation>Abfrage an Alertmanager abgebrochen</translation>
    </message>
    <message>
        <source>Alertmanager sent more than %1 MiB</source>
        <translation>Alertmanager hat mehr als %1 MiB gesendet</translation>
    </message>
    <message>
        <source>Alertmanager unreachable: %1 (%2)</source>
        <translation>Alertmanager nicht erreichbar: %1 (%2)</translation>
    </message>
    <message>
        <source>Alertmanager answered HTTP %1: %2</source>
        <translation>Alertmanager antwortete mit HTTP %1: %2</translation>
    </message>
    <message>
        <source>Alertmanager sent an answer that is not a list of alerts</source>
        <translation>Alertmanager hat eine Antwort gesendet, die keine Liste von Alerts ist</translation>
    </message>
    <message>
        <source>Alertmanager sent an alert without labels</source>
        <translation>Alertmanager hat einen Alert ohne Labels gesendet</translation>
    </message>
    <message>
        <source>no credentials for Alertmanager: %1</source>
        <translation>keine Zugangsdaten für Alertmanager: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::ApplyDiffView</name>
    <message>
        <source>&amp;Compare Again</source>
        <translation>Erneut &amp;vergleichen</translation>
    </message>
    <message>
        <source>Drift of the selected object</source>
        <translation>Drift des ausgewählten Objekts</translation>
    </message>
    <message>
        <source>Compare the live objects with what a delivery would apply again</source>
        <translation>Die Live-Objekte erneut mit dem vergleichen, was eine Auslieferung anwenden würde</translation>
    </message>
    <message>
        <source>Ask the cluster again what a delivery of this system would change</source>
        <translation>Den Cluster erneut fragen, was eine Auslieferung dieses Systems ändern würde</translation>
    </message>
    <message>
        <source>Differences between the live objects and what a delivery would apply</source>
        <translation>Unterschiede zwischen den Live-Objekten und dem, was eine Auslieferung anwenden würde</translation>
    </message>
    <message>
        <source>Open this tab to compare %1/%2 with what a delivery would apply.</source>
        <translation>Öffnen Sie diesen Tab, um %1/%2 mit dem zu vergleichen, was eine Auslieferung anwenden würde.</translation>
    </message>
    <message>
        <source>Select a deployment, replica set or pod of a system to see its drift.</source>
        <translation>Wählen Sie ein Deployment, ein ReplicaSet oder einen Pod eines Systems aus, um seine Drift zu sehen.</translation>
    </message>
    <message>
        <source>Asking the cluster what a delivery would change…</source>
        <translation>Der Cluster wird gefragt, was eine Auslieferung ändern würde …</translation>
    </message>
    <message>
        <source>Not managed by Shipyard: namespace %1 of context %2 is no environment of the ecosystem.</source>
        <translation>Nicht von Shipyard verwaltet: Der Namespace %1 des Kontexts %2 ist keine Umgebung des Ökosystems.</translation>
    </message>
    <message>
        <source>Not managed by Shipyard: no system&apos;s manifests hold %1.</source>
        <translation>Nicht von Shipyard verwaltet: Die Manifeste keines Systems enthalten %1.</translation>
    </message>
    <message>
        <source>Not managed by Shipyard here: %1 is not delivered to %2.</source>
        <translation>Hier nicht von Shipyard verwaltet: %1 wird nicht in %2 ausgeliefert.</translation>
    </message>
    <message>
        <source>Cannot compare %1: %2</source>
        <translation>%1 kann nicht verglichen werden: %2</translation>
    </message>
    <message>
        <source># %1: no drift</source>
        <translation># %1: keine Drift</translation>
    </message>
    <message>
        <source># %1: changed: %2</source>
        <translation># %1: geändert: %2</translation>
    </message>
    <message>
        <source># %1: not live, a delivery would create it</source>
        <translation># %1: nicht live, eine Auslieferung würde es erstellen</translation>
    </message>
    <message>
        <source># %1: live but in no manifest; a delivery leaves it</source>
        <translation># %1: live, aber in keinem Manifest; eine Auslieferung lässt es bestehen</translation>
    </message>
    <message>
        <source># %1: %2</source>
        <translation># %1: %2</translation>
    </message>
    <message>
        <source># %1: set outside Shipyard, a delivery keeps it: %2</source>
        <translation># %1: außerhalb von Shipyard gesetzt, eine Auslieferung behält es bei: %2</translation>
    </message>
    <message>
        <source># warning: %1</source>
        <translation># Warnung: %1</translation>
    </message>
    <message>
        <source>%1 in %2, image %3</source>
        <translation>%1 in %2, Image %3</translation>
    </message>
    <message>
        <source>The cluster refused the dry run: %1</source>
        <translation>Der Cluster hat den Dry Run abgelehnt: %1</translation>
    </message>
    <message>
        <source>No drift: %1 is live as a delivery would apply it.</source>
        <translation>Keine Drift: %1 läuft genau so, wie eine Auslieferung es anwenden würde.</translation>
    </message>
    <message>
        <source>Drift: %1 of %2 objects of %3 differ from what a delivery would apply: %4.</source>
        <translation>Drift: %1 von %2 Objekten von %3 weichen von dem ab, was eine Auslieferung anwenden würde: %4.</translation>
    </message>
</context>
<context>
    <name>Shipyard::AuditJournal</name>
    <message>
        <source>cannot create the audit journal&apos;s directory %1</source>
        <translation>Der Ordner des Audit-Journals %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot open the audit journal %1: %2</source>
        <translation>Das Audit-Journal %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot write to the audit journal %1: %2</source>
        <translation>In das Audit-Journal %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot sync the audit journal %1: %2</source>
        <translation>Das Audit-Journal %1 kann nicht synchronisiert werden: %2</translation>
    </message>
    <message>
        <source>cannot read the audit journal %1: %2</source>
        <translation>Das Audit-Journal %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot rotate the audit journal %1 to %2: %3</source>
        <translation>Das Audit-Journal %1 kann nicht nach %2 rotiert werden: %3</translation>
    </message>
    <message>
        <source>cannot rotate the audit journal %1: %2</source>
        <translation>Das Audit-Journal %1 kann nicht rotiert werden: %2</translation>
    </message>
    <message>
        <source>the audit journal %1 can be read by others (mode %2) and cannot be made private: %3; run chmod 600 %1</source>
        <translation>Das Audit-Journal %1 ist für andere lesbar (Modus %2) und kann nicht privat gemacht werden: %3; führen Sie chmod 600 %1 aus</translation>
    </message>
    <message>
        <source>cannot append to the audit journal %1: other processes kept rotating it</source>
        <translation>An das Audit-Journal %1 kann nicht angehängt werden: Andere Prozesse haben es immer wieder rotiert</translation>
    </message>
</context>
<context>
    <name>Shipyard::AuditTrail</name>
    <message>
        <source>no cluster to ask who the user is</source>
        <translation>kein Cluster, der nach dem Benutzer gefragt werden kann</translation>
    </message>
    <message>
        <source>SelfSubjectReview on %1: %2</source>
        <translation>SelfSubjectReview auf %1: %2</translation>
    </message>
    <message>
        <source>no username in the answer</source>
        <translation>kein Benutzername in der Antwort</translation>
    </message>
    <message>
        <source>(unknown to the cluster)</source>
        <translation>(dem Cluster unbekannt)</translation>
    </message>
    <message>
        <source> (OS user %1)</source>
        <translation> (Betriebssystembenutzer %1)</translation>
    </message>
    <message>
        <source>%1: %2 in %3</source>
        <translation>%1: %2 in %3</translation>
    </message>
    <message>
        <source>, release %1</source>
        <translation>, Release %1</translation>
    </message>
    <message>
        <source> (environment %1)</source>
        <translation> (Umgebung %1)</translation>
    </message>
    <message>
        <source>; reason: %1</source>
        <translation>; Grund: %1</translation>
    </message>
    <message>
        <source>no Event for %1: the record names no namespace</source>
        <translation>kein Event für %1: Der Eintrag nennt keinen Namespace</translation>
    </message>
    <message>
        <source>no Event for %1 in %2: %3</source>
        <translation>kein Event für %1 in %2: %3</translation>
    </message>
    <message>
        <source>no cluster</source>
        <translation>kein Cluster</translation>
    </message>
    <message>
        <source>the Event for %1 in namespace %2 was not created: %3</source>
        <translation>Das Event für %1 im Namespace %2 wurde nicht erstellt: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::BranchGateScan</name>
    <message>
        <source>%1 is a remote repository; Shipyard reads branches from a local clone</source>
        <translation>%1 ist ein entferntes Repository; Shipyard liest Branches aus einem lokalen Klon</translation>
    </message>
</context>
<context>
    <name>Shipyard::CanaryDecisionBar</name>
    <message>
        <source>Canary waiting for a decision</source>
        <translation>Canary wartet auf eine Entscheidung</translation>
    </message>
    <message>
        <source>&amp;Promote Canary…</source>
        <translation>Canary &amp;freigeben…</translation>
    </message>
    <message>
        <source>Promote the canary waiting for a decision</source>
        <translation>Den wartenden Canary freigeben</translation>
    </message>
    <message>
        <source>Skips the remaining steps: the new version replaces the old one.</source>
        <translation>Überspringt die übrigen Schritte: die neue Version ersetzt die alte.</translation>
    </message>
    <message>
        <source>A&amp;bort Canary…</source>
        <translation>Canary a&amp;bbrechen…</translation>
    </message>
    <message>
        <source>Abort the canary waiting for a decision</source>
        <translation>Den wartenden Canary abbrechen</translation>
    </message>
    <message>
        <source>Removes the canary; the delivery is rolled back.</source>
        <translation>Entfernt den Canary; die Auslieferung wird zurückgerollt.</translation>
    </message>
    <message>
        <source>The canaries could not be read: %1</source>
        <translation>Die Canaries konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&apos;s canary waits for a decision&lt;/b&gt; at step %2 of %3 (%4 %): %5</source>
        <translation>&lt;b&gt;Der Canary von %1 wartet auf eine Entscheidung&lt;/b&gt; bei Schritt %2 von %3 (%4 %): %5</translation>
    </message>
    <message>
        <source>&lt;p&gt;Promote &lt;b&gt;%1&lt;/b&gt;&apos;s canary in &lt;b&gt;%2&lt;/b&gt; now, at step %3 of %4 (%5 %)?&lt;/p&gt;&lt;p&gt;The remaining steps are skipped: the new version replaces the old one for everyone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Den Canary von &lt;b&gt;%1&lt;/b&gt; in &lt;b&gt;%2&lt;/b&gt; jetzt freigeben, bei Schritt %3 von %4 (%5 %)?&lt;/p&gt;&lt;p&gt;Die übrigen Schritte werden übersprungen: die neue Version ersetzt die alte für alle.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Abort &lt;b&gt;%1&lt;/b&gt;&apos;s canary in &lt;b&gt;%2&lt;/b&gt; at step %3 of %4 (%5 %)?&lt;/p&gt;&lt;p&gt;The canary is removed and the delivery rolled back; the old version keeps serving.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Den Canary von &lt;b&gt;%1&lt;/b&gt; in &lt;b&gt;%2&lt;/b&gt; bei Schritt %3 von %4 (%5 %) abbrechen?&lt;/p&gt;&lt;p&gt;Der Canary wird entfernt und die Auslieferung zurückgerollt; die alte Version bedient weiter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Promote canary in %1</source>
        <translation>Canary in %1 freigeben</translation>
    </message>
    <message>
        <source>Abort canary in %1</source>
        <translation>Canary in %1 abbrechen</translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>A&amp;bort</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>%1&apos;s canary: %2 requested; the delivery acts on it at its next check</source>
        <translation>Canary von %1: %2 angefordert; die Auslieferung handelt bei ihrer nächsten Prüfung</translation>
    </message>
    <message>
        <source>%1&apos;s canary: %2 failed: %3</source>
        <translation>Canary von %1: %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>(audit: %1)</source>
        <translation>(Audit: %1)</translation>
    </message>
</context>
<context>
    <name>Shipyard::CanaryStepsView</name>
    <message>
        <source>Canary steps</source>
        <translation>Canary-Schritte</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>%1 new · %2</source>
        <translation>%1 neu · %2</translation>
    </message>
    <message>
        <source>%1 new / %2 old · %3</source>
        <translation>%1 neu / %2 alt · %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::ClusterTreeModel</name>
    <message>
        <source>context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>replica set</source>
        <translation>ReplicaSet</translation>
    </message>
    <message>
        <source>pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>Wird ausgerollt</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1 in %2: %3</translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation>alle Namespaces</translation>
    </message>
    <message>
        <source>namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
</context>
<context>
    <name>Shipyard::ClusterView</name>
    <message>
        <source>Filter by name…</source>
        <translation>Nach Namen filtern …</translation>
    </message>
    <message>
        <source>Filter the cluster tree by name</source>
        <translation>Den Cluster-Baum nach Namen filtern</translation>
    </message>
    <message>
        <source>&amp;Old replica sets</source>
        <translation>Alte &amp;ReplicaSets</translation>
    </message>
    <message>
        <source>Show replica sets scaled to zero</source>
        <translation>Auf null skalierte ReplicaSets anzeigen</translation>
    </message>
    <message>
        <source>Show the replica sets of earlier revisions, kept for rollbacks</source>
        <translation>Die ReplicaSets früherer Revisionen anzeigen, die für Rollbacks aufbewahrt werden</translation>
    </message>
    <message>
        <source>Cluster objects</source>
        <translation>Cluster-Objekte</translation>
    </message>
    <message>
        <source>Select an object to see its events, YAML and log.</source>
        <translation>Wählen Sie ein Objekt aus, um seine Events, sein YAML und sein Log zu sehen.</translation>
    </message>
    <message>
        <source>Selected object</source>
        <translation>Ausgewähltes Objekt</translation>
    </message>
    <message>
        <source>Events of the selected object</source>
        <translation>Events des ausgewählten Objekts</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>YAML of the selected object</source>
        <translation>YAML des ausgewählten Objekts</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>Die Events können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Select a deployment, replica set or pod to see its events, YAML and log.</source>
        <translation>Wählen Sie ein Deployment, ein ReplicaSet oder einen Pod aus, um Events, YAML und Log zu sehen.</translation>
    </message>
    <message>
        <source>%1 %2 in namespace %3 (context %4)</source>
        <translation>%1 %2 im Namespace %3 (Kontext %4)</translation>
    </message>
    <message>
        <source>Drift of the selected object from what a delivery would apply</source>
        <translation>Drift des ausgewählten Objekts gegenüber dem, was eine Auslieferung anwenden würde</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>System log</source>
        <translation>System-Log</translation>
    </message>
    <message>
        <source>Every pod of the deployment, each container, merged by time and followed</source>
        <translation>Jeder Pod des Deployments, jeder Container, nach Zeit zusammengeführt und verfolgt</translation>
    </message>
</context>
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
    <name>Shipyard::CommandRunner</name>
    <message>
        <source>“%1” exited with status %2</source>
        <translation>„%1“ wurde mit Status %2 beendet</translation>
    </message>
    <message>
        <source>“%1” was killed by signal %2</source>
        <translation>„%1“ wurde durch Signal %2 beendet</translation>
    </message>
    <message>
        <source>“%1” timed out after %2</source>
        <translation>Zeitüberschreitung bei „%1“ nach %2</translation>
    </message>
    <message>
        <source>“%1” was cancelled</source>
        <translation>„%1“ wurde abgebrochen</translation>
    </message>
    <message>
        <source>“%1” could not be started: %2</source>
        <translation>„%1“ konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::CompareDialog</name>
    <message>
        <source>Compare Environments</source>
        <translation>Umgebungen vergleichen</translation>
    </message>
    <message>
        <source>Environment whose changes are listed</source>
        <translation>Umgebung, deren Änderungen aufgelistet werden</translation>
    </message>
    <message>
        <source>Environment it is compared with</source>
        <translation>Umgebung, mit der verglichen wird</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Was läuft in</translation>
    </message>
    <message>
        <source>runs and &amp;not</source>
        <translation>und &amp;nicht in</translation>
    </message>
    <message>
        <source>Commits and tasks per system</source>
        <translation>Commits und Aufgaben je System</translation>
    </message>
    <message>
        <source>&amp;Copy Release Notes</source>
        <translation>Release Notes &amp;kopieren</translation>
    </message>
    <message>
        <source>Reading the history of %1 and %2…</source>
        <translation>Verlauf von %1 und %2 wird gelesen …</translation>
    </message>
    <message>
        <source>No task runs in %1 and not in %2.</source>
        <translation>Keine Aufgabe läuft in %1 und nicht in %2.</translation>
    </message>
    <message>
        <source>Tasks in %1, not in %2: %3</source>
        <translation>Aufgaben in %1, nicht in %2: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::ConfirmationDialog</name>
    <message>
        <source>What will happen</source>
        <translation>Was passieren wird</translation>
    </message>
    <message>
        <source>%1 is protected. Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>%1 ist geschützt. Geben Sie &lt;b&gt;%1&lt;/b&gt; zur Bestätigung ein:</translation>
    </message>
    <message>
        <source>Name of the environment, typed to confirm</source>
        <translation>Name der Umgebung, zur Bestätigung eingegeben</translation>
    </message>
    <message>
        <source>Reason, kept in the audit journal</source>
        <translation>Grund, wird im Audit-Journal festgehalten</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::AuthCommand</name>
    <message>
        <source>can-i VERB RESOURCE, or whoami, like kubectl auth</source>
        <translation>can-i VERB RESOURCE oder whoami, wie kubectl auth</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text oder json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>can-i: in every namespace</source>
        <translation>can-i: in allen Namespaces</translation>
    </message>
    <message>
        <source>can-i: only the exit code</source>
        <translation>can-i: nur der Exit-Code</translation>
    </message>
    <message>
        <source>what to ask</source>
        <translation>was gefragt werden soll</translation>
    </message>
    <message>
        <source>usage: auth can-i VERB RESOURCE[/NAME] [-n NS] | auth whoami</source>
        <translation>Aufruf: auth can-i VERB RESOURCE[/NAME] [-n NS] | auth whoami</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>unbekanntes Ausgabeformat „%1“ (text oder json)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>ATTRIBUTE</source>
        <translation>ATTRIBUT</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>WERT</translation>
    </message>
    <message>
        <source>can-i needs VERB and RESOURCE</source>
        <translation>can-i benötigt VERB und RESOURCE</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::AutotestCommand</name>
    <message>
        <source>the ecosystem file</source>
        <translation>die Ökosystem-Datei</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text oder json</translation>
    </message>
    <message>
        <source>only this system&apos;s commits</source>
        <translation>nur die Commits dieses Systems</translation>
    </message>
    <message>
        <source>one pass, then exit: 1 when a commit failed or could not be tested</source>
        <translation>ein Durchlauf, dann beenden: 1, wenn ein Commit fehlgeschlagen ist oder nicht getestet werden konnte</translation>
    </message>
    <message>
        <source>seconds between passes (default 60)</source>
        <translation>Sekunden zwischen den Durchläufen (Standard: 60)</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output ist text oder json, nicht %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>--interval wants a number of seconds, not %1</source>
        <translation>--interval erwartet eine Anzahl Sekunden, nicht %1</translation>
    </message>
    <message>
        <source>%1 has no system %2</source>
        <translation>%1 hat kein System %2</translation>
    </message>
    <message>
        <source>no commit tested yet (%1)</source>
        <translation>noch kein Commit getestet (%1)</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>SYSTEM</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>URTEIL</translation>
    </message>
    <message>
        <source>BRANCHES</source>
        <translation>BRANCHES</translation>
    </message>
    <message>
        <source>FINISHED</source>
        <translation>BEENDET</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>WARUM</translation>
    </message>
    <message>
        <source>no new head of a task branch</source>
        <translation>kein neuer Head-Commit eines Aufgaben-Branches</translation>
    </message>
    <message>
        <source>tests new heads of task branches and reports them; &apos;autotest results&apos; lists the verdicts, &apos;autotest retry&apos; has one tested again</source>
        <translation>testet neue Head-Commits von Aufgaben-Branches und meldet sie; &apos;autotest results&apos; listet die Urteile auf, &apos;autotest retry&apos; lässt einen erneut testen</translation>
    </message>
    <message>
        <source>usage: shipyardctl autotest --ecosystem PATH [--once] [--interval SECONDS] [--output json]
       shipyardctl autotest results --ecosystem PATH [--system S] [--output json]
       shipyardctl autotest retry --ecosystem PATH --system S COMMIT</source>
        <translation>Aufruf: shipyardctl autotest --ecosystem PATH [--once] [--interval SECONDS] [--output json]
        shipyardctl autotest results --ecosystem PATH [--system S] [--output json]
        shipyardctl autotest retry --ecosystem PATH --system S COMMIT</translation>
    </message>
    <message>
        <source>%1 at %2 (%3) will be tested again by the next pass</source>
        <translation>%1 bei %2 (%3) wird im nächsten Durchlauf erneut getestet</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::CanaryCommand</name>
    <message>
        <source>a running canary: canary status|promote|abort [SYSTEM] --environment ENV</source>
        <translation>ein laufender Canary: canary status|promote|abort [SYSTEM] --environment ENV</translation>
    </message>
    <message>
        <source>the environment the canary runs in</source>
        <translation>die Umgebung, in der der Canary läuft</translation>
    </message>
    <message>
        <source>status, promote or abort</source>
        <translation>status, promote oder abort</translation>
    </message>
    <message>
        <source>the system whose canary it is (status: all)</source>
        <translation>das System, zu dem der Canary gehört (status: alle)</translation>
    </message>
    <message>
        <source>status, promote or abort, then the system</source>
        <translation>status, promote oder abort, dann das System</translation>
    </message>
    <message>
        <source>%1 which system&apos;s canary?</source>
        <translation>%1: Canary welches Systems?</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>kein System namens %1</translation>
    </message>
    <message>
        <source>promote a canary there</source>
        <translation>dort einen Canary freigeben</translation>
    </message>
    <message>
        <source>no canary runs in %1</source>
        <translation>in %1 läuft kein Canary</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>wird gehalten</translation>
    </message>
    <message>
        <source>%1 by %2, not acted on yet</source>
        <translation>%1 von %2, noch nicht umgesetzt</translation>
    </message>
    <message>
        <source>%1/%2 (%3 %)</source>
        <translation>%1/%2 (%3 %)</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>SYSTEM</translation>
    </message>
    <message>
        <source>DEPLOYMENT</source>
        <translation>DEPLOYMENT</translation>
    </message>
    <message>
        <source>STEP</source>
        <translation>SCHRITT</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>warning: audit: %1</source>
        <translation>Warnung: Audit: %1</translation>
    </message>
    <message>
        <source>%1&apos;s canary (step %2 of %3, %4 %): %5 requested; the delivery acts on it at its next check</source>
        <translation>Canary von %1 (Schritt %2 von %3, %4 %): %5 angefordert; die Auslieferung setzt das bei ihrer nächsten Prüfung um</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::CompareCommand</name>
    <message>
        <source>what one environment runs that another does not: commits and tasks per system (exit 1 if they differ)</source>
        <translation>was eine Umgebung ausführt und eine andere nicht: Commits und Aufgaben je System (Exit-Code 1, wenn sie sich unterscheiden)</translation>
    </message>
    <message>
        <source>the environment whose changes are listed</source>
        <translation>die Umgebung, deren Änderungen aufgelistet werden</translation>
    </message>
    <message>
        <source>the environment it is compared with</source>
        <translation>die Umgebung, mit der verglichen wird</translation>
    </message>
    <message>
        <source>the environment whose changes are listed (or FROM)</source>
        <translation>die Umgebung, deren Änderungen aufgelistet werden (oder FROM)</translation>
    </message>
    <message>
        <source>two environments are needed: FROM TO</source>
        <translation>zwei Umgebungen werden benötigt: FROM TO</translation>
    </message>
    <message>
        <source>no environment named %1</source>
        <translation>keine Umgebung namens %1</translation>
    </message>
    <message>
        <source>%1 compared with %2</source>
        <translation>%1 verglichen mit %2</translation>
    </message>
    <message>
        <source>%1: the same commit %2</source>
        <translation>%1: derselbe Commit %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>tasks in %1, not in %2: %3</source>
        <translation>Aufgaben in %1, nicht in %2: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ContextsCommand</name>
    <message>
        <source>list the kubeconfig contexts, merged as kubectl does</source>
        <translation>die kubeconfig-Kontexte auflisten, zusammengeführt wie bei kubectl</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>nur diese kubeconfig-Datei lesen</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>output format: text or json</source>
        <translation>Ausgabeformat: text oder json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos;</source>
        <translation>unbekanntes Ausgabeformat „%1“</translation>
    </message>
    <message>
        <source>unexpected arguments</source>
        <translation>unerwartete Argumente</translation>
    </message>
    <message>
        <source>warning: %1 does not exist</source>
        <translation>Warnung: %1 existiert nicht</translation>
    </message>
    <message>
        <source>CURRENT</source>
        <translation>AKTUELL</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>CLUSTER</source>
        <translation>CLUSTER</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>SERVER</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::DeliverCommand</name>
    <message>
        <source>deliver systems into an environment, rolling back on failure</source>
        <translation>Systeme in eine Umgebung ausliefern, bei einem Fehler zurücksetzen</translation>
    </message>
    <message>
        <source>the environment to deliver into</source>
        <translation>die Umgebung, in die ausgeliefert wird</translation>
    </message>
    <message>
        <source>a system to deliver, with its feature branch (default: its upstream); repeatable</source>
        <translation>ein auszulieferndes System mit seinem Feature-Branch (Standard: sein Upstream); wiederholbar</translation>
    </message>
    <message>
        <source>deliver this image instead of building one; repeatable</source>
        <translation>dieses Image ausliefern, statt eines zu bauen; wiederholbar</translation>
    </message>
    <message>
        <source>wait while another delivery holds the environment</source>
        <translation>warten, solange eine andere Auslieferung die Umgebung belegt</translation>
    </message>
    <message>
        <source>do not run the systems&apos; test commands</source>
        <translation>die Testbefehle der Systeme nicht ausführen</translation>
    </message>
    <message>
        <source>--ecosystem, --environment and at least one --system are needed</source>
        <translation>--ecosystem, --environment und mindestens ein --system werden benötigt</translation>
    </message>
    <message>
        <source>--image wants SYSTEM=REFERENCE, not %1</source>
        <translation>--image erwartet SYSTEM=REFERENCE, nicht %1</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>kein System namens %1</translation>
    </message>
    <message>
        <source>--image for a system not delivered: %1</source>
        <translation>--image für ein nicht ausgeliefertes System: %1</translation>
    </message>
    <message>
        <source>delivery %1</source>
        <translation>Auslieferung %1</translation>
    </message>
    <message>
        <source>, release %1</source>
        <translation>, Release %1</translation>
    </message>
    <message>
        <source> in %1 s</source>
        <translation> in %1 s</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>deliver even when a branch fails the ecosystem&apos;s gates (reviews, task status); audited</source>
        <translation>auch dann ausliefern, wenn ein Branch die Prüfungen des Ökosystems nicht besteht (Reviews, Aufgabenstatus); wird protokolliert</translation>
    </message>
    <message>
        <source>deliver into it</source>
        <translation>in sie auszuliefern</translation>
    </message>
    <message>
        <source>deliver into a frozen environment anyway, saying why; audited and recorded</source>
        <translation>trotz Sperrzeit in die Umgebung ausliefern, mit Begründung; wird protokolliert und aufgezeichnet</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>WARUM</translation>
    </message>
    <message>
        <source>do not watch the ecosystem&apos;s monitoring query or the environment&apos;s alerts after the release</source>
        <translation>die Überwachungsabfrage des Ökosystems und die Alerts der Umgebung nach dem Release nicht beobachten</translation>
    </message>
    <message>
        <source>deliver although alerts of the environment fire, saying why; audited and recorded</source>
        <translation>trotz aktiver Alerts der Umgebung ausliefern, mit Begründung; wird protokolliert und aufgezeichnet</translation>
    </message>
    <message>
        <source>canary of %1:</source>
        <translation>Canary von %1:</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::DeploymentActionArguments</name>
    <message>
        <source>the ecosystem file, to know the namespace&apos;s environment (default: the namespace&apos;s delivery lock says)</source>
        <translation>die Ökosystem-Datei, um die Umgebung des Namespace zu kennen (Standard: die Auslieferungssperre des Namespace gibt sie an)</translation>
    </message>
    <message>
        <source>the environment&apos;s name, which a protected environment wants before a change</source>
        <translation>der Name der Umgebung, den eine geschützte Umgebung vor einer Änderung verlangt</translation>
    </message>
    <message>
        <source>wait while a delivery holds the environment (default: refuse)</source>
        <translation>warten, solange eine Auslieferung die Umgebung belegt (Standard: ablehnen)</translation>
    </message>
    <message>
        <source>warning: whether namespace %1 is an environment&apos;s cannot be told (its delivery lock: %2); acting without the lock</source>
        <translation>Warnung: Ob der Namespace %1 zu einer Umgebung gehört, lässt sich nicht feststellen (seine Auslieferungssperre: %2); die Aktion läuft ohne die Sperre</translation>
    </message>
    <message>
        <source>namespace %1 (context %2) is %3&apos;s, a protected environment</source>
        <translation>Namespace %1 (Kontext %2) gehört zu %3, einer geschützten Umgebung</translation>
    </message>
    <message>
        <source>--confirm %1 does not name it: %2; to %3 there, add --confirm %4</source>
        <translation>--confirm %1 nennt nicht diese Umgebung: %2; um dort %3, fügen Sie --confirm %4 hinzu</translation>
    </message>
    <message>
        <source>%1: to %2 there, add --confirm %3</source>
        <translation>%1: Um dort %2, fügen Sie --confirm %3 hinzu</translation>
    </message>
    <message>
        <source>waiting: %1 is held by %2</source>
        <translation>Warten: %1 wird von %2 gehalten</translation>
    </message>
    <message>
        <source>warning: audit: %1</source>
        <translation>Warnung: Audit: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::DiffCommand</name>
    <message>
        <source>live objects against what a delivery would apply, by server dry run (exit 0 no drift, 1 drift, 2 error)</source>
        <translation>Live-Objekte mit dem vergleichen, was eine Auslieferung anwenden würde, per Dry Run auf dem Server (Exit-Code 0 keine Drift, 1 Drift, 2 Fehler)</translation>
    </message>
    <message>
        <source>the systems to compare; default: every system of the environment</source>
        <translation>die zu vergleichenden Systeme; Standard: jedes System der Umgebung</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>die Umgebung</translation>
    </message>
    <message>
        <source>compare with this image instead of the one running now (one system only)</source>
        <translation>mit diesem Image vergleichen statt mit dem gerade laufenden (nur ein System)</translation>
    </message>
    <message>
        <source>compare with this revision of each system&apos;s repository: its manifests and the image it builds into</source>
        <translation>mit dieser Revision des Repositorys jedes Systems vergleichen: mit seinen Manifesten und dem Image, das daraus gebaut wird</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>kein System namens %1</translation>
    </message>
    <message>
        <source>--image needs exactly one SYSTEM</source>
        <translation>--image benötigt genau ein SYSTEM</translation>
    </message>
    <message>
        <source>%1 is a showroom: --task names which</source>
        <translation>%1 ist eine Showroom-Umgebung: --task gibt an, welcher Showroom</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>läuft gerade</translation>
    </message>
    <message>
        <source>of the latest release</source>
        <translation>aus dem letzten Release</translation>
    </message>
    <message>
        <source>built from %1</source>
        <translation>gebaut aus %1</translation>
    </message>
    <message>
        <source>given</source>
        <translation>angegeben</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source># %1: no drift</source>
        <translation># %1: keine Drift</translation>
    </message>
    <message>
        <source># %1: changed: %2</source>
        <translation># %1: geändert: %2</translation>
    </message>
    <message>
        <source># %1: not live, would be created</source>
        <translation># %1: nicht live, würde erstellt werden</translation>
    </message>
    <message>
        <source># %1: live but in no manifest; a delivery leaves it</source>
        <translation># %1: live, aber in keinem Manifest; eine Auslieferung lässt es bestehen</translation>
    </message>
    <message>
        <source># %1: set outside Shipyard, a delivery keeps it: %2</source>
        <translation># %1: außerhalb von Shipyard gesetzt, eine Auslieferung behält es bei: %2</translation>
    </message>
    <message>
        <source># %1 in %2 (namespace %3), image %4 (%5), from %6</source>
        <translation># %1 in %2 (Namespace %3), Image %4 (%5), aus %6</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::DoctorCommand</name>
    <message>
        <source>check everything deliveries need: clusters, registry, tracker, monitoring, git, tools</source>
        <translation>alles prüfen, was Auslieferungen brauchen: Cluster, Registry, Tracker, Überwachung, git, Werkzeuge</translation>
    </message>
    <message>
        <source>Checks each component the ecosystem names, all at once, each within --timeout. Exit status: 0 when everything a delivery needs is ok (warnings allowed), 1 when something it needs is broken, 2 for usage errors.</source>
        <translation>Prüft jede Komponente, die das Ökosystem nennt, alle gleichzeitig, jede innerhalb von --timeout. Exit-Code: 0, wenn alles, was eine Auslieferung braucht, in Ordnung ist (Warnungen erlaubt), 1, wenn etwas, das sie braucht, defekt ist, 2 bei Aufruffehlern.</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>die Ökosystem-Datei</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>nur diese kubeconfig-Datei lesen</translation>
    </message>
    <message>
        <source>output format: text or json</source>
        <translation>Ausgabeformat: text oder json</translation>
    </message>
    <message>
        <source>the time each check may take, in seconds (default 5)</source>
        <translation>die Zeit, die jede Prüfung dauern darf, in Sekunden (Standard: 5)</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output ist text oder json, nicht %1</translation>
    </message>
    <message>
        <source>--timeout is a number of seconds above 0 and at most 600, not %1</source>
        <translation>--timeout ist eine Anzahl Sekunden über 0 und höchstens 600, nicht %1</translation>
    </message>
    <message>
        <source>unexpected arguments</source>
        <translation>unerwartete Argumente</translation>
    </message>
    <message>
        <source>--ecosystem is needed</source>
        <translation>--ecosystem wird benötigt</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>URTEIL</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>COMPONENT</source>
        <translation>KOMPONENTE</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>PRÜFUNG</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETAIL</translation>
    </message>
    <message>
        <source>Deliveries would fail: fix what is broken first.</source>
        <translation>Auslieferungen würden fehlschlagen: Beheben Sie zuerst, was defekt ist.</translation>
    </message>
    <message>
        <source>Everything a delivery needs is ok.</source>
        <translation>Alles, was eine Auslieferung braucht, ist in Ordnung.</translation>
    </message>
    <message>
        <source>* broken, but deliveries go on without it.</source>
        <translation>* broken, aber Auslieferungen kommen ohne diese Komponente aus.</translation>
    </message>
    <message>
        <source>%1: %2 checks in %3 s: %4 ok, %5, %6 broken, %7 skipped.</source>
        <translation>%1: %2 Prüfungen in %3 s: %4 in Ordnung, %5, %6 defekt, %7 übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::EnvironmentArguments</name>
    <message>
        <source>the ecosystem file</source>
        <translation>die Ökosystem-Datei</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>nur diese kubeconfig-Datei lesen</translation>
    </message>
    <message>
        <source>the task of a showroom</source>
        <translation>die Aufgabe eines Showrooms</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text oder json</translation>
    </message>
    <message>
        <source>--ecosystem is needed</source>
        <translation>--ecosystem wird benötigt</translation>
    </message>
    <message>
        <source>--ecosystem and --environment are needed</source>
        <translation>--ecosystem und --environment werden benötigt</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output ist text oder json, nicht %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1 has no %2 environment</source>
        <translation>%1 hat keine Umgebung der Art %2</translation>
    </message>
    <message>
        <source>%1 has several %2 environments (%3): name one with --environment</source>
        <translation>%1 hat mehrere Umgebungen der Art %2 (%3): Nennen Sie eine mit --environment</translation>
    </message>
    <message>
        <source>no environment named %1</source>
        <translation>keine Umgebung namens %1</translation>
    </message>
    <message>
        <source>the environment&apos;s name, which a protected environment wants</source>
        <translation>der Name der Umgebung, den eine geschützte Umgebung verlangt</translation>
    </message>
    <message>
        <source>--confirm %1 does not name %2, a protected environment: to %3, add --confirm %2</source>
        <translation>--confirm %1 nennt nicht %2, eine geschützte Umgebung: Um %3, fügen Sie --confirm %2 hinzu</translation>
    </message>
    <message>
        <source>%1 is a protected environment: to %2, add --confirm %1</source>
        <translation>%1 ist eine geschützte Umgebung: Um %2, fügen Sie --confirm %1 hinzu</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::GateCommand</name>
    <message>
        <source>refuse pushes the delivery would refuse, as a git server&apos;s pre-receive hook</source>
        <translation>Pushes abweisen, die die Auslieferung abweisen würde, als pre-receive-Hook eines Git-Servers</translation>
    </message>
    <message>
        <source>shipyardctl gate pre-receive --ecosystem PATH [--system NAME] [--pusher NAME]
  reads &quot;OLD NEW REF&quot; lines on standard input, as git gives a pre-receive hook, and refuses
  the push (exit 1, the reasons on standard error) when a branch names no task, when its
  task&apos;s status does not allow updates, or when someone not in gating.upstreamPushers
  pushes to the system&apos;s upstream branch.
shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]
  writes REPOSITORY&apos;s hooks/pre-receive to run the above.</source>
        <translation>shipyardctl gate pre-receive --ecosystem PATH [--system NAME] [--pusher NAME]
  liest „OLD NEW REF“-Zeilen von der Standardeingabe, wie git sie einem pre-receive-Hook übergibt, und weist
  den Push ab (Exit-Code 1, die Gründe auf der Standardfehlerausgabe), wenn ein Branch keine Aufgabe nennt, wenn
  der Status seiner Aufgabe keine Aktualisierungen erlaubt oder wenn jemand, der nicht in gating.upstreamPushers
  steht, auf den Upstream-Branch des Systems pusht.
shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]
  schreibt hooks/pre-receive von REPOSITORY so, dass es das Obige ausführt.</translation>
    </message>
    <message>
        <source>pre-receive or install</source>
        <translation>pre-receive oder install</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>die Ökosystem-Datei</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>the system whose repository this is (default: found by the repository&apos;s name)</source>
        <translation>das System, zu dem dieses Repository gehört (Standard: anhand des Repository-Namens ermittelt)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>who pushes (default: GL_USERNAME, GL_USER, REMOTE_USER or USER, as the server sets them)</source>
        <translation>wer pusht (Standard: GL_USERNAME, GL_USER, REMOTE_USER oder USER, wie der Server sie setzt)</translation>
    </message>
    <message>
        <source>usage: shipyardctl gate pre-receive --ecosystem PATH [--system NAME] [--pusher NAME]
       shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]</source>
        <translation>Aufruf: shipyardctl gate pre-receive --ecosystem PATH [--system NAME] [--pusher NAME]
        shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>push refused: the ecosystem %1 does not load</source>
        <translation>Push abgewiesen: Das Ökosystem %1 lässt sich nicht laden</translation>
    </message>
    <message>
        <source>push refused: %1</source>
        <translation>Push abgewiesen: %1</translation>
    </message>
    <message>
        <source>push refused: cannot read the hook&apos;s input</source>
        <translation>Push abgewiesen: Die Eingabe des Hooks kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Shipyard refuses %1: %2</source>
        <translation>Shipyard weist %1 ab: %2</translation>
    </message>
    <message>
        <source>%1 is not a git repository (no hooks folder)</source>
        <translation>%1 ist kein Git-Repository (kein hooks-Ordner)</translation>
    </message>
    <message>
        <source>%1 already exists and is not Shipyard&apos;s: have it run &quot;%2&quot; with the same input</source>
        <translation>%1 existiert bereits und gehört nicht zu Shipyard: Lassen Sie es „%2“ mit derselben Eingabe ausführen</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>installed %1</source>
        <translation>%1 installiert</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::GetCommand</name>
    <message>
        <source>list or show objects of any resource type, like kubectl get</source>
        <translation>Objekte eines beliebigen Ressourcentyps auflisten oder anzeigen, wie kubectl get</translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation>alle Namespaces</translation>
    </message>
    <message>
        <source>text, wide or json</source>
        <translation>text, wide oder json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>label selector</source>
        <translation>Label-Selektor</translation>
    </message>
    <message>
        <source>SELECTOR</source>
        <translation>SELECTOR</translation>
    </message>
    <message>
        <source>keep metadata.managedFields in JSON output</source>
        <translation>metadata.managedFields in der JSON-Ausgabe behalten</translation>
    </message>
    <message>
        <source>objects per page (0: all at once)</source>
        <translation>Objekte pro Seite (0: alle auf einmal)</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>pods, deployments.apps, deploy, ...</source>
        <translation>pods, deployments.apps, deploy, ...</translation>
    </message>
    <message>
        <source>one object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>usage: get RESOURCE [NAME] [-n NS | -A] [-o text|wide|json]</source>
        <translation>Aufruf: get RESOURCE [NAME] [-n NS | -A] [-o text|wide|json]</translation>
    </message>
    <message>
        <source>the server doesn&apos;t have a resource type &quot;%1&quot;</source>
        <translation>Der Server hat keinen Ressourcentyp „%1“</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <source>No resources found</source>
        <translation>Keine Ressourcen gefunden</translation>
    </message>
    <message>
        <source>No resources found in %1 namespace.</source>
        <translation>Keine Ressourcen im Namespace %1 gefunden.</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::HistoryCommand</name>
    <message>
        <source>list an environment&apos;s releases, newest first</source>
        <translation>die Releases einer Umgebung auflisten, neueste zuerst</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>die Umgebung</translation>
    </message>
    <message>
        <source>RELEASE</source>
        <translation>RELEASE</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <source>WHO</source>
        <translation>WER</translation>
    </message>
    <message>
        <source>TASKS</source>
        <translation>AUFGABEN</translation>
    </message>
    <message>
        <source>IMAGES</source>
        <translation>IMAGES</translation>
    </message>
    <message>
        <source>MIGRATIONS</source>
        <translation>MIGRATIONEN</translation>
    </message>
    <message>
        <source>%1: %2 %3 failed (Job %4): %5</source>
        <translation>%1: %2 %3 fehlgeschlagen (Job %4): %5</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::LockCommand</name>
    <message>
        <source>an environment&apos;s delivery lock: lock status|take|release ENVIRONMENT</source>
        <translation>die Auslieferungssperre einer Umgebung: lock status|take|release ENVIRONMENT</translation>
    </message>
    <message>
        <source>status, take or release, then the environment</source>
        <translation>status, take oder release, dann die Umgebung</translation>
    </message>
    <message>
        <source>the environment is given twice</source>
        <translation>die Umgebung wurde zweimal angegeben</translation>
    </message>
    <message>
        <source>unknown action %1: status, take or release</source>
        <translation>unbekannte Aktion %1: status, take oder release</translation>
    </message>
    <message>
        <source>--lease-seconds must be a number of seconds, at least 2</source>
        <translation>--lease-seconds muss eine Anzahl Sekunden sein, mindestens 2</translation>
    </message>
    <message>
        <source>the environment (or give it after the action)</source>
        <translation>die Umgebung (oder nach der Aktion angeben)</translation>
    </message>
    <message>
        <source>take: queue until the lock is free (first come, first served)</source>
        <translation>take: warten, bis die Sperre frei ist (in der Reihenfolge der Anfragen)</translation>
    </message>
    <message>
        <source>take: why, shown to the others</source>
        <translation>take: der Grund, den die anderen sehen</translation>
    </message>
    <message>
        <source>release: break another&apos;s lock (audited)</source>
        <translation>release: die Sperre eines anderen aufheben (wird protokolliert)</translation>
    </message>
    <message>
        <source>take: how long the lock outlives this process if it dies</source>
        <translation>take: wie lange die Sperre diesen Prozess überdauert, falls er abstürzt</translation>
    </message>
    <message>
        <source>status, take or release</source>
        <translation>status, take oder release</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>die Umgebung</translation>
    </message>
    <message>
        <source>warning: audit: %1</source>
        <translation>Warnung: Audit: %1</translation>
    </message>
    <message>
        <source>%1 (context %2, namespace %3)</source>
        <translation>%1 (Kontext %2, Namespace %3)</translation>
    </message>
    <message>
        <source>lock: free (%1 stopped renewing it at %2)</source>
        <translation>Sperre: frei (%1 hat sie um %2 zuletzt erneuert)</translation>
    </message>
    <message>
        <source>lock: free</source>
        <translation>Sperre: frei</translation>
    </message>
    <message>
        <source>lock: held by %1 since %2, renewed %3</source>
        <translation>Sperre: gehalten von %1 seit %2, erneuert %3</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>queue: empty</source>
        <translation>Warteschlange: leer</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>WAITER</source>
        <translation>WARTENDER</translation>
    </message>
    <message>
        <source>SINCE</source>
        <translation>SEIT</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>GRUND</translation>
    </message>
    <message>
        <source>waiting: %1 is held by %2; queued as %3</source>
        <translation>Warten: %1 wird von %2 gehalten; in der Warteschlange als %3</translation>
    </message>
    <message>
        <source>%1 is locked by %2; Ctrl-C releases it</source>
        <translation>%1 ist von %2 gesperrt; Strg+C gibt die Sperre frei</translation>
    </message>
    <message>
        <source>the lock of %1 was lost (broken or expired)</source>
        <translation>Die Sperre von %1 ging verloren (aufgehoben oder abgelaufen)</translation>
    </message>
    <message>
        <source>%1 released</source>
        <translation>%1 freigegeben</translation>
    </message>
    <message>
        <source>held by %1, not by you: --force breaks it</source>
        <translation>gehalten von %1, nicht von Ihnen: --force hebt sie auf</translation>
    </message>
    <message>
        <source>%1: released the lock %2 held</source>
        <translation>%1: Die Sperre von %2 wurde freigegeben</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::LogsCommand</name>
    <message>
        <source>the container</source>
        <translation>der Container</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>keep printing new lines</source>
        <translation>neue Zeilen weiter ausgeben</translation>
    </message>
    <message>
        <source>the previous, terminated container</source>
        <translation>der vorherige, beendete Container</translation>
    </message>
    <message>
        <source>only the last N lines</source>
        <translation>nur die letzten N Zeilen</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>prefix each line with its time</source>
        <translation>jeder Zeile ihre Zeit voranstellen</translation>
    </message>
    <message>
        <source>text, or json: one object with the lines (with --follow, one object per line)</source>
        <translation>text oder json: ein Objekt mit den Zeilen (mit --follow ein Objekt pro Zeile)</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>unbekanntes Ausgabeformat „%1“ (text oder json)</translation>
    </message>
    <message>
        <source>print or follow the log of a pod&apos;s container, or of every pod of a deployment</source>
        <translation>das Log des Containers eines Pods oder aller Pods eines Deployments ausgeben oder verfolgen</translation>
    </message>
    <message>
        <source>every pod of this label selector, merged by time</source>
        <translation>alle Pods dieses Label-Selektors, nach Zeit zusammengeführt</translation>
    </message>
    <message>
        <source>SELECTOR</source>
        <translation>SELECTOR</translation>
    </message>
    <message>
        <source>only lines of the last DURATION (90s, 15m, 2h; pods of a deployment or selector)</source>
        <translation>nur Zeilen der letzten Zeitspanne DURATION (90s, 15m, 2h; Pods eines Deployments oder Selektors)</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <source>only lines matching this regular expression, case-insensitive (pods of a deployment or selector)</source>
        <translation>nur Zeilen, auf die dieser reguläre Ausdruck passt, ohne Beachtung der Groß-/Kleinschreibung (Pods eines Deployments oder Selektors)</translation>
    </message>
    <message>
        <source>PATTERN</source>
        <translation>PATTERN</translation>
    </message>
    <message>
        <source>the pod, or deployment/NAME for every pod of a deployment</source>
        <translation>der Pod oder deployment/NAME für alle Pods eines Deployments</translation>
    </message>
    <message>
        <source>usage: logs POD [-c CONTAINER] [-f] [--previous] [--tail N], or logs deployment/NAME|-l SELECTOR [-f] [--since D] [--tail N] [--grep RE]</source>
        <translation>Aufruf: logs POD [-c CONTAINER] [-f] [--previous] [--tail N] oder logs deployment/NAME|-l SELECTOR [-f] [--since D] [--tail N] [--grep RE]</translation>
    </message>
    <message>
        <source>--since and --grep are for deployment/NAME or --selector</source>
        <translation>--since und --grep gelten nur für deployment/NAME oder --selector</translation>
    </message>
    <message>
        <source>--tail wants a number of lines, not &apos;%1&apos;</source>
        <translation>--tail erwartet eine Anzahl Zeilen, nicht „%1“</translation>
    </message>
    <message>
        <source>--since wants a duration such as 90s, 15m or 2h, not &apos;%1&apos;</source>
        <translation>--since erwartet eine Dauer wie 90s, 15m oder 2h, nicht „%1“</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::NewCommand</name>
    <message>
        <source>new system NAME --template T: a repository from a service template, added to the ecosystem</source>
        <translation>new system NAME --template T: ein Repository aus einer Dienstvorlage, zum Ökosystem hinzugefügt</translation>
    </message>
    <message>
        <source>what to make (only &apos;system&apos; so far)</source>
        <translation>was angelegt werden soll (bisher nur &apos;system&apos;)</translation>
    </message>
    <message>
        <source>the new system&apos;s name</source>
        <translation>der Name des neuen Systems</translation>
    </message>
    <message>
        <source>the service template: frontend, backend, worker or one of the ecosystem&apos;s `templates:` folder</source>
        <translation>die Dienstvorlage: frontend, backend, worker oder eine aus dem Ordner `templates:` des Ökosystems</translation>
    </message>
    <message>
        <source>the ecosystem file to add the system to</source>
        <translation>die Ökosystem-Datei, zu der das System hinzugefügt wird</translation>
    </message>
    <message>
        <source>the folder of the new repository (default: beside the other systems&apos; repositories)</source>
        <translation>der Ordner des neuen Repositorys (Standard: neben den Repositorys der anderen Systeme)</translation>
    </message>
    <message>
        <source>the system&apos;s description in the ecosystem</source>
        <translation>die Beschreibung des Systems im Ökosystem</translation>
    </message>
    <message>
        <source>the port the service listens on (default: the template&apos;s)</source>
        <translation>der Port, auf dem der Dienst lauscht (Standard: der der Vorlage)</translation>
    </message>
    <message>
        <source>say what would be made and added, write nothing</source>
        <translation>angeben, was angelegt und hinzugefügt würde, nichts schreiben</translation>
    </message>
    <message>
        <source>text or json (what was made and added, or the error, as one object)</source>
        <translation>text oder json (was angelegt und hinzugefügt wurde, oder der Fehler, als ein Objekt)</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>usage: shipyardctl new system NAME --template frontend|backend|worker --ecosystem PATH [--repository DIR] [--dry-run]</source>
        <translation>Aufruf: shipyardctl new system NAME --template frontend|backend|worker --ecosystem PATH [--repository DIR] [--dry-run]</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>unbekanntes Ausgabeformat „%1“ (text oder json)</translation>
    </message>
    <message>
        <source>--port wants a number from 1 to 65535, not %1</source>
        <translation>--port erwartet eine Zahl von 1 bis 65535, nicht %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>would make %1 from the %2 template in %3, committed on %4:</source>
        <translation>würde %1 aus der Vorlage %2 in %3 anlegen, committet auf %4:</translation>
    </message>
    <message>
        <source>made %1 from the %2 template in %3, commit %4 on %5:</source>
        <translation>%1 aus der Vorlage %2 in %3 angelegt, Commit %4 auf %5:</translation>
    </message>
    <message>
        <source>would add to %1 at line %2:</source>
        <translation>würde zu %1 in Zeile %2 hinzufügen:</translation>
    </message>
    <message>
        <source>added to %1 at line %2:</source>
        <translation>zu %1 in Zeile %2 hinzugefügt:</translation>
    </message>
    <message>
        <source>next: shipyardctl validate %1, then shipyardctl deliver --ecosystem %1 --environment ENV --system %2</source>
        <translation>als Nächstes: shipyardctl validate %1, dann shipyardctl deliver --ecosystem %1 --environment ENV --system %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::NotifyCommand</name>
    <message>
        <source>send a test notification to the channels an event in an environment goes to</source>
        <translation>eine Testbenachrichtigung an die Kanäle senden, an die ein Ereignis in einer Umgebung geht</translation>
    </message>
    <message>
        <source>shipyardctl notify --ecosystem PATH --environment ENV [--event EVENT] [--task KEY]
  sends a notification marked as a test to every channel the ecosystem&apos;s notifications route
  EVENT (default delivery.succeeded) in ENV to; KEY is the task a tracker channel comments on.
  Exit 1 when a channel did not take it, or when the event goes nowhere.</source>
        <translation>shipyardctl notify --ecosystem PATH --environment ENV [--event EVENT] [--task KEY]
  sendet eine als Test markierte Benachrichtigung an jeden Kanal, an den die Benachrichtigungen des Ökosystems
  EVENT (Standard: delivery.succeeded) in ENV leiten; KEY ist die Aufgabe, die ein Tracker-Kanal kommentiert.
  Exit-Code 1, wenn ein Kanal sie nicht angenommen hat oder das Ereignis nirgendwohin geht.</translation>
    </message>
    <message>
        <source>the environment whose channels are tried</source>
        <translation>die Umgebung, deren Kanäle ausprobiert werden</translation>
    </message>
    <message>
        <source>the event, e.g. delivery.failed</source>
        <translation>das Ereignis, z. B. delivery.failed</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>EVENT</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no event (%2)</source>
        <translation>„%1“ ist kein Ereignis (%2)</translation>
    </message>
    <message>
        <source>A test of the ecosystem&apos;s notifications: nothing happened.</source>
        <translation>Ein Test der Benachrichtigungen des Ökosystems: Es ist nichts passiert.</translation>
    </message>
    <message>
        <source>%1 in %2 goes to no channel</source>
        <translation>%1 in %2 geht an keinen Kanal</translation>
    </message>
    <message>
        <source>sent to %1</source>
        <translation>gesendet an %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::Output</name>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RegistryCommand</name>
    <message>
        <source>the image registry: prune [--system S] [--keep N] [--older-than D] [--dry-run] deletes the tags nothing uses</source>
        <translation>die Image-Registry: prune [--system S] [--keep N] [--older-than D] [--dry-run] löscht die Tags, die nichts verwendet</translation>
    </message>
    <message>
        <source>prune</source>
        <translation>prune</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>die Ökosystem-Datei</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>nur diese kubeconfig-Datei lesen</translation>
    </message>
    <message>
        <source>only this system&apos;s repository (default: every system&apos;s)</source>
        <translation>nur das Repository dieses Systems (Standard: die aller Systeme)</translation>
    </message>
    <message>
        <source>keep the newest N tags of each repository (default 10)</source>
        <translation>die neuesten N Tags jedes Repositorys behalten (Standard: 10)</translation>
    </message>
    <message>
        <source>delete only tags older than this (90s, 15m, 72h, 7d); younger ones are kept</source>
        <translation>nur Tags löschen, die älter sind (90s, 15m, 72h, 7d); jüngere werden behalten</translation>
    </message>
    <message>
        <source>say what would be deleted, delete nothing</source>
        <translation>angeben, was gelöscht würde, nichts löschen</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text oder json</translation>
    </message>
    <message>
        <source>usage: shipyardctl registry prune --ecosystem PATH [--kubeconfig FILE] [--system NAME] [--keep N] [--older-than DURATION] [--dry-run] [--output json]</source>
        <translation>Aufruf: shipyardctl registry prune --ecosystem PATH [--kubeconfig FILE] [--system NAME] [--keep N] [--older-than DURATION] [--dry-run] [--output json]</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output ist text oder json, nicht %1</translation>
    </message>
    <message>
        <source>--keep wants a number of tags, 0 or more, not %1</source>
        <translation>--keep erwartet eine Anzahl Tags, 0 oder mehr, nicht %1</translation>
    </message>
    <message>
        <source>--older-than wants a duration like 90s, 15m, 72h, 7d, not %1</source>
        <translation>--older-than erwartet eine Dauer wie 90s, 15m, 72h, 7d, nicht %1</translation>
    </message>
    <message>
        <source>%1: nothing deleted: %2</source>
        <translation>%1: nichts gelöscht: %2</translation>
    </message>
    <message>
        <source>%1:%2 not deleted: %3</source>
        <translation>%1:%2 nicht gelöscht: %3</translation>
    </message>
    <message>
        <source>%1/%2 (%3):</source>
        <translation>%1/%2 (%3):</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>would delete</source>
        <translation>würde gelöscht</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>not deleted</source>
        <translation>nicht gelöscht</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>DIGEST</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>WARUM</translation>
    </message>
    <message>
        <source>%1 tag(s) kept, %2 would be deleted (dry run)</source>
        <translation>%1 Tag(s) behalten, %2 würden gelöscht (Dry Run)</translation>
    </message>
    <message>
        <source>%1 tag(s) kept, %2 deleted</source>
        <translation>%1 Tag(s) behalten, %2 gelöscht</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RenderCommand</name>
    <message>
        <source>print the objects a delivery of a system into an environment would apply</source>
        <translation>die Objekte ausgeben, die eine Auslieferung eines Systems in eine Umgebung anwenden würde</translation>
    </message>
    <message>
        <source>the system to render</source>
        <translation>das zu rendernde System</translation>
    </message>
    <message>
        <source>the environment to render for</source>
        <translation>die Umgebung, für die gerendert wird</translation>
    </message>
    <message>
        <source>put this image in (default: the one the commit builds into)</source>
        <translation>dieses Image einsetzen (Vorgabe: das, zu dem der Commit gebaut wird)</translation>
    </message>
    <message>
        <source>render this revision of the system&apos;s repository (default: its working tree)</source>
        <translation>diese Revision des Repositorys des Systems rendern (Vorgabe: sein Arbeitsverzeichnis)</translation>
    </message>
    <message>
        <source>expected exactly one SYSTEM</source>
        <translation>genau ein SYSTEM erwartet</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>kein System namens %1</translation>
    </message>
    <message>
        <source>%1 is a showroom: --task names which</source>
        <translation>%1 ist ein Showroom: --task nennt, welcher</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1 for %2 (namespace %3), from %4</source>
        <translation>%1 für %2 (Namespace %3), aus %4</translation>
    </message>
    <message>
        <source>do not ask the environment&apos;s cluster for its version and APIs: charts render with Helm&apos;s defaults, as `helm template` does</source>
        <translation>den Cluster der Umgebung nicht nach seiner Version und seinen APIs fragen: Charts werden mit Helms Vorgaben gerendert, wie `helm template` es tut</translation>
    </message>
    <message>
        <source>warning: the cluster of %1 could not tell its version and APIs (%2); the chart renders with Helm&apos;s defaults</source>
        <translation>Warnung: Der Cluster von %1 konnte seine Version und APIs nicht nennen (%2); das Chart wird mit Helms Vorgaben gerendert</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RobotCommand</name>
    <message>
        <source>the delivery robot: moves tracker tasks through autotests, showrooms and staging</source>
        <translation>der Auslieferungsroboter: führt Tracker-Aufgaben durch Autotests, Showrooms und Staging</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>die Ökosystem-Datei</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>nur diese kubeconfig-Datei lesen</translation>
    </message>
    <message>
        <source>one pass, then exit: 1 when something failed</source>
        <translation>ein Durchlauf, dann beenden: 1, wenn etwas fehlgeschlagen ist</translation>
    </message>
    <message>
        <source>deliver this image instead of building one; repeatable</source>
        <translation>dieses Image ausliefern, statt eines zu bauen; wiederholbar</translation>
    </message>
    <message>
        <source>usage: shipyardctl robot --ecosystem PATH [--once] [--interval SECONDS]</source>
        <translation>Aufruf: shipyardctl robot --ecosystem PATH [--once] [--interval SECONDS]</translation>
    </message>
    <message>
        <source>--interval wants a number of seconds, not %1</source>
        <translation>--interval erwartet eine Anzahl Sekunden, nicht %1</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output ist text oder json, nicht %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>--image wants SYSTEM=REFERENCE, not %1</source>
        <translation>--image erwartet SYSTEM=REFERENCE, nicht %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>act only while holding a Lease, so that several robots may run and one acts</source>
        <translation>nur handeln, solange ein Lease gehalten wird, damit mehrere Roboter laufen können und einer handelt</translation>
    </message>
    <message>
        <source>the context of the Lease (default: the current one)</source>
        <translation>der Kontext des Lease (Standard: der aktuelle)</translation>
    </message>
    <message>
        <source>the namespace of the Lease (default: the context&apos;s; in a pod, the service account&apos;s)</source>
        <translation>der Namespace des Lease (Standard: der des Kontexts; in einem Pod der des Service-Accounts)</translation>
    </message>
    <message>
        <source>the Lease&apos;s name (default shipyard-robot)</source>
        <translation>der Name des Lease (Standard: shipyard-robot)</translation>
    </message>
    <message>
        <source>this robot&apos;s name in the Lease (default: host and pid)</source>
        <translation>der Name dieses Roboters im Lease (Standard: Host und PID)</translation>
    </message>
    <message>
        <source>seconds others wait before taking over (default 15)</source>
        <translation>Sekunden, die andere warten, bevor sie übernehmen (Standard: 15)</translation>
    </message>
    <message>
        <source>seconds without a renewal after which this robot stops acting (default 10)</source>
        <translation>Sekunden ohne Erneuerung, nach denen dieser Roboter aufhört zu handeln (Standard: 10)</translation>
    </message>
    <message>
        <source>seconds between tries and renewals (default 2)</source>
        <translation>Sekunden zwischen Versuchen und Erneuerungen (Standard: 2)</translation>
    </message>
    <message>
        <source>stopped leading: %1</source>
        <translation>Führung abgegeben: %1</translation>
    </message>
    <message>
        <source>%1 does not load: %2</source>
        <translation>%1 lässt sich nicht laden: %2</translation>
    </message>
    <message>
        <source>--%1 wants a number of seconds, not %2</source>
        <translation>--%1 erwartet eine Anzahl Sekunden, nicht %2</translation>
    </message>
    <message>
        <source>the lease wants retry-period &lt; renew-deadline &lt; lease-duration, not %1 &lt; %2 &lt; %3</source>
        <translation>der Lease erfordert retry-period &lt; renew-deadline &lt; lease-duration, nicht %1 &lt; %2 &lt; %3</translation>
    </message>
    <message>
        <source>the Lease&apos;s context %1: %2</source>
        <translation>der Kontext %1 des Lease: %2</translation>
    </message>
    <message>
        <source>serve /metrics, /healthz, /readyz and /webhooks/SOURCE on HOST:PORT or :PORT</source>
        <translation>/metrics, /healthz, /readyz und /webhooks/SOURCE auf HOST:PORT oder :PORT bereitstellen</translation>
    </message>
    <message>
        <source>robot.webhooks is set, but without --listen no webhook is received</source>
        <translation>robot.webhooks ist gesetzt, aber ohne --listen wird kein Webhook empfangen</translation>
    </message>
    <message>
        <source>passed on: %1</source>
        <translation>weitergeleitet: %1</translation>
    </message>
    <message>
        <source>webhook %1: %2 (%3)</source>
        <translation>Webhook %1: %2 (%3)</translation>
    </message>
    <message>
        <source>webhook %1</source>
        <translation>Webhook %1</translation>
    </message>
    <message>
        <source>serving /metrics, /healthz, /readyz and /webhooks/ on %1</source>
        <translation>/metrics, /healthz, /readyz und /webhooks/ werden auf %1 bereitgestellt</translation>
    </message>
    <message>
        <source>seconds between passes nothing woke (default: the ecosystem&apos;s robot.pollInterval, 60)</source>
        <translation>Sekunden zwischen Durchläufen, die nichts geweckt hat (Standard: robot.pollInterval des Ökosystems, 60)</translation>
    </message>
    <message>
        <source>a pass&apos;s actions as text or json</source>
        <translation>die Aktionen eines Durchlaufs als text oder json</translation>
    </message>
    <message>
        <source>text (lines on stderr) or json (everything on stdout, an object per line)</source>
        <translation>text (Zeilen auf stderr) oder json (alles auf stdout, ein Objekt pro Zeile)</translation>
    </message>
    <message>
        <source>--log-format is text or json, not %1</source>
        <translation>--log-format ist text oder json, nicht %1</translation>
    </message>
    <message numerus="yes">
        <source>pass woken by %n webhook(s), the first %1 ms ago: %2</source>
        <translation>
            <numerusform>Durchlauf durch %n Webhook geweckt, der erste vor %1 ms: %2</numerusform>
            <numerusform>Durchlauf durch %n Webhooks geweckt, der erste vor %1 ms: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RobotLog</name>
    <message numerus="yes">
        <source>pass over: %n action(s)</source>
        <translation>
            <numerusform>Durchlauf beendet: %n Aktion</numerusform>
            <numerusform>Durchlauf beendet: %n Aktionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RollbackCommand</name>
    <message>
        <source>restore an environment&apos;s previous (or a chosen) release exactly</source>
        <translation>das vorherige (oder ein gewähltes) Release einer Umgebung exakt wiederherstellen</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>die Umgebung</translation>
    </message>
    <message>
        <source>the release to restore (default: the good one before the current)</source>
        <translation>das wiederherzustellende Release (Standard: das gute vor dem aktuellen)</translation>
    </message>
    <message>
        <source>wait while a delivery holds the environment</source>
        <translation>warten, solange eine Auslieferung die Umgebung belegt</translation>
    </message>
    <message>
        <source>restored release %1 as %2 in %3 s</source>
        <translation>Release %1 als %2 in %3 s wiederhergestellt</translation>
    </message>
    <message>
        <source>roll it back</source>
        <translation>sie zurückzusetzen</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RolloutCommand</name>
    <message>
        <source>status, history, undo or restart of a deployment, like kubectl</source>
        <translation>status, history, undo oder restart eines Deployments, wie kubectl</translation>
    </message>
    <message>
        <source>undo: the revision to go back to (0: the previous)</source>
        <translation>undo: die Revision, zu der zurückgekehrt wird (0: die vorherige)</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>status: give up after this many seconds (0: never)</source>
        <translation>status: nach so vielen Sekunden aufgeben (0: nie)</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>undo: validate on the server, change nothing</source>
        <translation>undo: auf dem Server prüfen, nichts ändern</translation>
    </message>
    <message>
        <source>text or json (status: progress goes to stderr)</source>
        <translation>text oder json (status: Fortschritt geht nach stderr)</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>status, history, undo or restart</source>
        <translation>status, history, undo oder restart</translation>
    </message>
    <message>
        <source>the deployment</source>
        <translation>das Deployment</translation>
    </message>
    <message>
        <source>usage: rollout status|history|undo|restart deployment/NAME</source>
        <translation>Aufruf: rollout status|history|undo|restart deployment/NAME</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>unbekanntes Ausgabeformat „%1“ (text oder json)</translation>
    </message>
    <message>
        <source>only deployments are supported: deployment/NAME</source>
        <translation>nur Deployments werden unterstützt: deployment/NAME</translation>
    </message>
    <message>
        <source>%1 deployment/%2</source>
        <translation>deployment/%2 %1</translation>
    </message>
    <message>
        <source>undo the rollout of</source>
        <translation>zurückzusetzen</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>neu zu starten</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ScaleCommand</name>
    <message>
        <source>set a deployment&apos;s replicas, like kubectl, under its environment&apos;s lock</source>
        <translation>die Replikas eines Deployments setzen, wie kubectl, unter der Sperre seiner Umgebung</translation>
    </message>
    <message>
        <source>the number of replicas</source>
        <translation>die Anzahl der Replikas</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text oder json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>the deployment</source>
        <translation>das Deployment</translation>
    </message>
    <message>
        <source>usage: scale deployment/NAME --replicas N (N a whole number, 0 or more)</source>
        <translation>Aufruf: scale deployment/NAME --replicas N (N eine ganze Zahl, 0 oder mehr)</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>unbekanntes Ausgabeformat „%1“ (text oder json)</translation>
    </message>
    <message>
        <source>scale deployment/%1 to %2 replicas</source>
        <translation>deployment/%1 auf %2 Replikas zu skalieren</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ShowroomCommand</name>
    <message>
        <source>the showroom environment (default: the only one)</source>
        <translation>die Showroom-Umgebung (Standard: die einzige)</translation>
    </message>
    <message>
        <source>up: deliver this image instead of building one; repeatable</source>
        <translation>up: dieses Image ausliefern, statt eines zu bauen; wiederholbar</translation>
    </message>
    <message>
        <source>up: the showroom lives this long from now (default: the environment&apos;s ttl)</source>
        <translation>up: so lange lebt der Showroom ab jetzt (Standard: die ttl der Umgebung)</translation>
    </message>
    <message>
        <source>up: do not run the systems&apos; test commands</source>
        <translation>up: die Testbefehle der Systeme nicht ausführen</translation>
    </message>
    <message>
        <source>sweep: say what would be removed, remove nothing</source>
        <translation>sweep: sagen, was entfernt würde, nichts entfernen</translation>
    </message>
    <message>
        <source>environment %1 is of kind %2, not showroom</source>
        <translation>Umgebung %1 ist von der Art %2, nicht showroom</translation>
    </message>
    <message>
        <source>--image wants SYSTEM=REFERENCE, not %1</source>
        <translation>--image erwartet SYSTEM=REFERENCE, nicht %1</translation>
    </message>
    <message>
        <source>--ttl wants a duration like 90s, 15m, 72h, 7d, not %1</source>
        <translation>--ttl erwartet eine Dauer wie 90s, 15m, 72h, 7d, nicht %1</translation>
    </message>
    <message>
        <source>showroom %1 is up in %2, expires at %3</source>
        <translation>Showroom %1 ist in %2 bereit, läuft ab um %3</translation>
    </message>
    <message>
        <source>showroom %1 updated in %2, expires at %3</source>
        <translation>Showroom %1 in %2 aktualisiert, läuft ab um %3</translation>
    </message>
    <message>
        <source>upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>showroom %1 %2: %3</source>
        <translation>Showroom %1 %2: %3</translation>
    </message>
    <message>
        <source>showroom %1 is down (%2 deleted)</source>
        <translation>Showroom %1 ist entfernt (%2 gelöscht)</translation>
    </message>
    <message>
        <source> (terminating)</source>
        <translation> (wird beendet)</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation> (abgelaufen)</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>AUFGABE</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <source>CREATOR</source>
        <translation>ERSTELLER</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>ALTER</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>DEPLOYMENTS</source>
        <translation>DEPLOYMENTS</translation>
    </message>
    <message>
        <source>PODS READY</source>
        <translation>PODS BEREIT</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1 not removed: %2</source>
        <translation>%1 nicht entfernt: %2</translation>
    </message>
    <message>
        <source>would remove %1 (%2): %3</source>
        <translation>würde %1 entfernen (%2): %3</translation>
    </message>
    <message>
        <source>removed %1 (%2): %3</source>
        <translation>%1 entfernt (%2): %3</translation>
    </message>
    <message numerus="yes">
        <source>%n showroom(s) kept</source>
        <translation>
            <numerusform>%n Showroom behalten</numerusform>
            <numerusform>%n Showrooms behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>showrooms, one namespace per task for QA: up | down | pin | unpin | sleep | wake TASK, list, sweep [--dry-run]</source>
        <translation>Showrooms, ein Namespace pro Aufgabe für QA: up | down | pin | unpin | sleep | wake TASK, list, sweep [--dry-run]</translation>
    </message>
    <message>
        <source>up, down, pin, unpin, sleep, wake, list or sweep</source>
        <translation>up, down, pin, unpin, sleep, wake, list oder sweep</translation>
    </message>
    <message>
        <source>the task key (up, down, pin, unpin, sleep, wake)</source>
        <translation>der Aufgabenschlüssel (up, down, pin, unpin, sleep, wake)</translation>
    </message>
    <message>
        <source>pin: why the showroom must outlive its expiry (required)</source>
        <translation>pin: warum der Showroom über seinen Ablauf hinaus bestehen muss (erforderlich)</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>WARUM</translation>
    </message>
    <message>
        <source>usage: shipyardctl showroom up|down|pin|unpin|sleep|wake TASK | list | sweep [--dry-run] --ecosystem PATH</source>
        <translation>Aufruf: shipyardctl showroom up|down|pin|unpin|sleep|wake TASK | list | sweep [--dry-run] --ecosystem PATH</translation>
    </message>
    <message>
        <source>pin wants --reason WHY: it is shown and audited</source>
        <translation>pin benötigt --reason WARUM: Der Grund wird angezeigt und protokolliert</translation>
    </message>
    <message>
        <source>showroom %1 (%2):</source>
        <translation>Showroom %1 (%2):</translation>
    </message>
    <message>
        <source> (expired, pinned by %1: %2)</source>
        <translation> (abgelaufen, angeheftet von %1: %2)</translation>
    </message>
    <message>
        <source> (pinned by %1: %2)</source>
        <translation> (angeheftet von %1: %2)</translation>
    </message>
    <message>
        <source> (asleep since %1)</source>
        <translation> (schläft seit %1)</translation>
    </message>
    <message>
        <source>%1 not put to sleep: %2</source>
        <translation>%1 nicht schlafen gelegt: %2</translation>
    </message>
    <message>
        <source>would put %1 (%2) to sleep: %3</source>
        <translation>würde %1 (%2) schlafen legen: %3</translation>
    </message>
    <message>
        <source>put %1 (%2) to sleep: %3</source>
        <translation>%1 (%2) schlafen gelegt: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::StatusCommand</name>
    <message>
        <source>what runs in an environment: systems, health, lock and latest release (exit 1 unless all healthy)</source>
        <translation>was in einer Umgebung läuft: Systeme, Zustand, Sperre und letztes Release (Exit-Code 1, wenn nicht alles in Ordnung ist)</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>die Umgebung</translation>
    </message>
    <message>
        <source>%1 (context %2, namespace %3)</source>
        <translation>%1 (Kontext %2, Namespace %3)</translation>
    </message>
    <message>
        <source>lock: %1</source>
        <translation>Sperre: %1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>gehalten von %1</translation>
    </message>
    <message>
        <source>releases: %1</source>
        <translation>Releases: %1</translation>
    </message>
    <message>
        <source>releases: none recorded</source>
        <translation>Releases: keine aufgezeichnet</translation>
    </message>
    <message>
        <source>latest release: %1, %2 by %3</source>
        <translation>letztes Release: %1, %2 von %3</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>SYSTEM</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>HEALTH</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT</translation>
    </message>
    <message>
        <source>frozen %1</source>
        <translation>gesperrt %1</translation>
    </message>
    <message>
        <source>next freeze: %1</source>
        <translation>nächste Sperrzeit: %1</translation>
    </message>
    <message>
        <source>alerts: %1</source>
        <translation>Alerts: %1</translation>
    </message>
    <message>
        <source>alerts: none firing</source>
        <translation>Alerts: keiner aktiv</translation>
    </message>
    <message>
        <source>alert firing since %1: %2 (%3)</source>
        <translation>Alert aktiv seit %1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::TasksCommand</name>
    <message>
        <source>list every branch of every system with its task, status and delivery gates</source>
        <translation>jeden Branch jedes Systems mit Aufgabe, Status und Auslieferungsprüfungen auflisten</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>die Ökosystem-Datei</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>output format: text (a table, the default) or json</source>
        <translation>Ausgabeformat: text (eine Tabelle, Standard) oder json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>usage: shipyardctl tasks --ecosystem PATH [--output json]</source>
        <translation>Aufruf: shipyardctl tasks --ecosystem PATH [--output json]</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>unbekanntes Ausgabeformat „%1“ (text oder json)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>(no task key)</source>
        <translation>(kein Aufgabenschlüssel)</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>SYSTEM</translation>
    </message>
    <message>
        <source>BRANCH</source>
        <translation>BRANCH</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>AUFGABE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>GATES</source>
        <translation>PRÜFUNGEN</translation>
    </message>
    <message numerus="yes">
        <source>%n branch(es) without a task key: </source>
        <translation>
            <numerusform>%n Branch ohne Aufgabenschlüssel: </numerusform>
            <numerusform>%n Branches ohne Aufgabenschlüssel: </numerusform>
        </translation>
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
        <source>%1: valid ecosystem &apos;%2&apos;: %3 systems, %4 environments</source>
        <translation>%1: gültiges Ökosystem „%2“: %3 Systeme, %4 Umgebungen</translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>, %n Warnung</numerusform>
            <numerusform>, %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>text or json (the verdict and every problem as one object)</source>
        <translation>text oder json (das Urteil und jedes Problem als ein Objekt)</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>unbekanntes Ausgabeformat „%1“ (text oder json)</translation>
    </message>
    <message>
        <source>check the file only, without rendering each system&apos;s manifests, chart or kustomization for each environment from its repository</source>
        <translation>nur die Datei prüfen, ohne die Manifeste, das Chart oder die Kustomization jedes Systems für jede Umgebung aus seinem Repository zu rendern</translation>
    </message>
    <message numerus="yes">
        <source>, %n rendering(s) checked</source>
        <translation>
            <numerusform>, %n Rendering geprüft</numerusform>
            <numerusform>, %n Renderings geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>not rendered (repository not on this machine): %1</source>
        <translation>nicht gerendert (Repository nicht auf diesem Rechner): %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliverDialog</name>
    <message>
        <source>Deliver</source>
        <translation>Ausliefern</translation>
    </message>
    <message>
        <source>Deliver systems into an environment</source>
        <translation>Systeme in eine Umgebung ausliefern</translation>
    </message>
    <message>
        <source>Environment to deliver into</source>
        <translation>Umgebung, in die ausgeliefert wird</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systeme</translation>
    </message>
    <message>
        <source>&lt;i&gt;Deliver&lt;/i&gt;</source>
        <translation>&lt;i&gt;Ausliefern&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Feature branch (empty: upstream)&lt;/i&gt;</source>
        <translation>&lt;i&gt;Feature-Branch (leer: Upstream)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Image (empty: build it)&lt;/i&gt;</source>
        <translation>&lt;i&gt;Image (leer: bauen)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Deliver %1</source>
        <translation>%1 ausliefern</translation>
    </message>
    <message>
        <source>Feature branch of %1</source>
        <translation>Feature-Branch von %1</translation>
    </message>
    <message>
        <source>build → %1:…</source>
        <translation>bauen → %1:…</translation>
    </message>
    <message>
        <source>Image of %1</source>
        <translation>Image von %1</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Prüfen …</translation>
    </message>
    <message>
        <source>Review the delivery</source>
        <translation>Die Auslieferung prüfen</translation>
    </message>
    <message>
        <source>%1 is not delivered to this environment</source>
        <translation>%1 wird nicht in diese Umgebung ausgeliefert</translation>
    </message>
    <message>
        <source>%1 environment, context %2, namespace %3%4</source>
        <translation>Umgebung der Art %1, Kontext %2, Namespace %3%4</translation>
    </message>
    <message>
        <source> — protected</source>
        <translation> — geschützt</translation>
    </message>
    <message>
        <source>There is no environment named %1.</source>
        <translation>Es gibt keine Umgebung namens %1.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shipyard will deliver into &lt;b&gt;%1&lt;/b&gt; (%2, context &lt;tt&gt;%3&lt;/tt&gt;, namespace &lt;tt&gt;%4&lt;/tt&gt;):&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;Shipyard wird in &lt;b&gt;%1&lt;/b&gt; ausliefern (%2, Kontext &lt;tt&gt;%3&lt;/tt&gt;, Namespace &lt;tt&gt;%4&lt;/tt&gt;):&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: the feature branch &lt;tt&gt;%2&lt;/tt&gt;, brought onto &lt;tt&gt;%3&lt;/tt&gt; first, %4&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: der Feature-Branch &lt;tt&gt;%2&lt;/tt&gt;, zuerst auf &lt;tt&gt;%3&lt;/tt&gt; gebracht, %4&lt;/li&gt;</translation>
    </message>
    <message>
        <source>built into &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>gebaut als &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>delivered as the image &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>ausgeliefert als Image &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: the image &lt;tt&gt;%2&lt;/tt&gt;, as given (not built)&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: das Image &lt;tt&gt;%2&lt;/tt&gt;, wie angegeben (nicht gebaut)&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: built from &lt;tt&gt;%2&lt;/tt&gt; of %3 into &lt;tt&gt;%4&lt;/tt&gt;&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: aus &lt;tt&gt;%2&lt;/tt&gt; von %3 gebaut als &lt;tt&gt;%4&lt;/tt&gt;&lt;/li&gt;</translation>
    </message>
    <message>
        <source>take the environment&apos;s lock</source>
        <translation>die Sperre der Umgebung setzen</translation>
    </message>
    <message>
        <source>build and test the images</source>
        <translation>die Images bauen und testen</translation>
    </message>
    <message>
        <source>check that every image is in the registry %1</source>
        <translation>prüfen, dass jedes Image in der Registry %1 liegt</translation>
    </message>
    <message>
        <source>apply the manifests and wait for the rollouts (at most %1 s)</source>
        <translation>die Manifeste anwenden und auf die Rollouts warten (höchstens %1 s)</translation>
    </message>
    <message>
        <source>run the smoke tests</source>
        <translation>die Smoke-Tests ausführen</translation>
    </message>
    <message>
        <source>merge the delivered branches into their upstream</source>
        <translation>die ausgelieferten Branches in ihren Upstream zusammenführen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Steps: %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schritte: %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;If anything fails once the first object is applied, the environment&apos;s last good release is restored and the failed release recorded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schlägt etwas fehl, nachdem das erste Objekt angewendet wurde, wird das letzte gute Release der Umgebung wiederhergestellt und das fehlgeschlagene Release aufgezeichnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This changes production.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dies verändert die Produktion.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>❄ Frozen %1: the confirmation asks why it cannot wait.</source>
        <translation>❄ Gesperrt %1: Die Bestätigung fragt, warum es nicht warten kann.</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryCanaryModel</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>wird gehalten</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>promoted by a person</source>
        <translation>von einer Person freigegeben</translation>
    </message>
    <message>
        <source>aborted by a person</source>
        <translation>von einer Person abgebrochen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 · 100 %: the main Deployment, %2 pods</source>
        <translation>%1 · 100 %: das Haupt-Deployment, %2 Pods</translation>
    </message>
    <message>
        <source>%1 · %2 %: %3 new beside %4 old</source>
        <translation>%1 · %2 %: %3 neu neben %4 alt</translation>
    </message>
    <message>
        <source>%1, %2 % of the pods (%3 % in fact): %4</source>
        <translation>%1, %2 % der Pods (tatsächlich %3 %): %4</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryLogView</name>
    <message>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Log&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Find in the log (Ctrl+F)</source>
        <translation>Im Log suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find in the delivery log</source>
        <translation>Im Auslieferungs-Log suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Auslieferungs-Log</translation>
    </message>
    <message>
        <source>The steps&apos; output appears here while a delivery runs.</source>
        <translation>Die Ausgabe der Schritte erscheint hier, während eine Auslieferung läuft.</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryPipelineModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Smoke</source>
        <translation>Smoke-Test</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 für %2: %3</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>die Umgebung</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Migrate</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>Canary</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryQueueModel</name>
    <message>
        <source>Queue: empty</source>
        <translation>Warteschlange: leer</translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n waiting</source>
        <translation>
            <numerusform>Warteschlange: %n wartet</numerusform>
            <numerusform>Warteschlange: %n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds the lock since %2</source>
        <translation>%1 hält die Sperre seit %2</translation>
    </message>
    <message>
        <source>%1 waits since %2</source>
        <translation>%1 wartet seit %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (gone: no longer renewed)</source>
        <translation>%1 (verschwunden: wird nicht mehr erneuert)</translation>
    </message>
    <message>
        <source>Holds the lock since %1.</source>
        <translation>Hält die Sperre seit %1.</translation>
    </message>
    <message>
        <source>Waits since %1.</source>
        <translation>Wartet seit %1.</translation>
    </message>
    <message>
        <source>Not renewed since %1: its process is gone.</source>
        <translation>Seit %1 nicht erneuert: Sein Prozess läuft nicht mehr.</translation>
    </message>
    <message>
        <source>Renewed while its process runs; expires at %1 otherwise.</source>
        <translation>Wird erneuert, solange sein Prozess läuft; läuft sonst um %1 ab.</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryQueueWatch</name>
    <message>
        <source>leases in %1: %2</source>
        <translation>Leases in %1: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryRolloutView</name>
    <message>
        <source>&amp;Rollout of:</source>
        <translation>&amp;Rollout von:</translation>
    </message>
    <message>
        <source>Deployment whose rollout the chart shows</source>
        <translation>Deployment, dessen Rollout das Diagramm zeigt</translation>
    </message>
    <message>
        <source>Ready replicas over time during the delivery</source>
        <translation>Bereite Replikas im Zeitverlauf während der Auslieferung</translation>
    </message>
    <message>
        <source>Replicas of %1</source>
        <translation>Replikas von %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeploymentPanel</name>
    <message>
        <source>&amp;Undo to Selected Revision</source>
        <translation>Auf ausgewählte Revision &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Scale…</source>
        <translation>&amp;Skalieren …</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Undo the rollout to the selected revision</source>
        <translation>Das Rollout auf die ausgewählte Revision zurücksetzen</translation>
    </message>
    <message>
        <source>Scale the deployment</source>
        <translation>Das Deployment skalieren</translation>
    </message>
    <message>
        <source>Restart the deployment&apos;s pods</source>
        <translation>Die Pods des Deployments neu starten</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <source>Rollout history</source>
        <translation>Rollout-Verlauf</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>%1 skalieren</translation>
    </message>
    <message>
        <source>Replicas of %1:</source>
        <translation>Replikas von %1:</translation>
    </message>
    <message>
        <source>Select a deployment to see its rollout history.</source>
        <translation>Wählen Sie ein Deployment aus, um seinen Rollout-Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Deployment %1 in %2 (%3)</source>
        <translation>Deployment %1 in %2 (%3)</translation>
    </message>
    <message>
        <source>Cannot read the rollout history of %1: %2</source>
        <translation>Der Rollout-Verlauf von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Checking whether you may %1 %2…</source>
        <translation>Es wird geprüft, ob Sie %1 auf %2 ausführen dürfen …</translation>
    </message>
    <message>
        <source>Cannot check whether you may %1 %2 in %3: %4</source>
        <translation>Es kann nicht geprüft werden, ob Sie %1 auf %2 in %3 ausführen dürfen: %4</translation>
    </message>
    <message>
        <source>You may not %1 %2 in %3 (context %4)%5</source>
        <translation>Sie dürfen %1 auf %2 in %3 nicht ausführen (Kontext %4)%5</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>the previous revision</source>
        <translation>die vorherige Revision</translation>
    </message>
    <message>
        <source>Roll deployment %1 in %2 (%3) back to %4?</source>
        <translation>Deployment %1 in %2 (%3) auf %4 zurücksetzen?</translation>
    </message>
    <message>
        <source>Scale deployment %1 in %2 (%3) from %4 to %5 replicas?</source>
        <translation>Deployment %1 in %2 (%3) von %4 auf %5 Replikas skalieren?</translation>
    </message>
    <message>
        <source>Restart every pod of deployment %1 in %2 (%3)?</source>
        <translation>Jeden Pod des Deployments %1 in %2 (%3) neu starten?</translation>
    </message>
    <message>
        <source>Replicas of %1</source>
        <translation>Replikas von %1</translation>
    </message>
    <message>
        <source>This is the environment &lt;b&gt;%1&lt;/b&gt;: the action takes its lock, is refused while a delivery runs, and is audited.</source>
        <translation>Dies ist die Umgebung &lt;b&gt;%1&lt;/b&gt;: Die Aktion setzt ihre Sperre, wird abgelehnt, solange eine Auslieferung läuft, und wird protokolliert.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Undo the rollout of %1</source>
        <translation>Rollout von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Scale</source>
        <translation>&amp;Skalieren</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>%1 neu starten</translation>
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
    <name>Shipyard::DoctorModel</name>
    <message>
        <source>Waiting for an answer…</source>
        <translation>Warten auf eine Antwort …</translation>
    </message>
    <message>
        <source>%1

What to do: %2</source>
        <translation>%1

Was zu tun ist: %2</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft …</translation>
    </message>
    <message>
        <source>broken (optional)</source>
        <translation>broken (optional)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Found / what to do</source>
        <translation>Befund / was zu tun ist</translation>
    </message>
    <message>
        <source>Nothing to check.</source>
        <translation>Nichts zu prüfen.</translation>
    </message>
    <message>
        <source>Open an ecosystem to check what its deliveries need.</source>
        <translation>Öffnen Sie ein Ökosystem, um zu prüfen, was seine Auslieferungen brauchen.</translation>
    </message>
    <message>
        <source>Checking… %1 of %2 answered.</source>
        <translation>Wird geprüft … %1 von %2 beantwortet.</translation>
    </message>
    <message>
        <source>Deliveries would fail: fix what is broken first.</source>
        <translation>Auslieferungen würden fehlschlagen: Beheben Sie zuerst, was defekt ist.</translation>
    </message>
    <message>
        <source>Everything a delivery needs is ok.</source>
        <translation>Alles, was eine Auslieferung braucht, ist in Ordnung.</translation>
    </message>
    <message>
        <source>%1 checks in %2 s: %3 ok, %4, %5 broken, %6 skipped. %7</source>
        <translation>%1 Prüfungen in %2 s: %3 in Ordnung, %4, %5 defekt, %6 übersprungen. %7</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::DoctorView</name>
    <message>
        <source>&lt;b&gt;Health&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zustand&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Summary of the checks</source>
        <translation>Zusammenfassung der Prüfungen</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Check every cluster, server, repository and tool again</source>
        <translation>Jeden Cluster, Server, jedes Repository und Werkzeug erneut prüfen</translation>
    </message>
    <message>
        <source>What deliveries need, checked</source>
        <translation>Was Auslieferungen brauchen, geprüft</translation>
    </message>
    <message>
        <source>Details of the selected check</source>
        <translation>Details der ausgewählten Prüfung</translation>
    </message>
    <message>
        <source>Select a check to see what it found and what to do about it.</source>
        <translation>Wählen Sie eine Prüfung aus, um zu sehen, was sie gefunden hat und was dagegen zu tun ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 — %2&lt;/b&gt;&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1 — %2&lt;/b&gt;&lt;br&gt;%3</translation>
    </message>
</context>
<context>
    <name>Shipyard::DoraMetrics</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
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
    <name>Shipyard::EnvironmentComparisonModel</name>
    <message>
        <source># %1 → %2</source>
        <translation># %1 → %2</translation>
    </message>
    <message>
        <source>Tasks: %1</source>
        <translation>Aufgaben: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the same commit %1</source>
        <translation>derselbe Commit %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %n commit(s) only in %3</source>
        <translation>
            <numerusform>%1 → %2: %n Commit nur in %3</numerusform>
            <numerusform>%1 → %2: %n Commits nur in %3</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>System / commit</source>
        <translation>System / Commit</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Tasks / author</source>
        <translation>Aufgaben / Autor</translation>
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
        <source>The environment &apos;%1&apos; does not run %2.</source>
        <translation>Die Umgebung „%1“ betreibt %2 nicht.</translation>
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
    <message>
        <source>%1
one per task</source>
        <translation>%1
einer pro Aufgabe</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>keine Verbindung</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>wird verbunden …</translation>
    </message>
    <message>
        <source>not deployed</source>
        <translation>nicht bereitgestellt</translation>
    </message>
    <message>
        <source>%1 (context %2) cannot be reached: %3</source>
        <translation>%1 (Kontext %2) ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>
Commit: %1</source>
        <translation>
Commit: %1</translation>
    </message>
    <message>
        <source>
Tasks: %1</source>
        <translation>
Aufgaben: %1</translation>
    </message>
    <message>
        <source>
Created: %1</source>
        <translation>
Erstellt: %1</translation>
    </message>
    <message>
        <source>%1 in namespace %2 of context %3.</source>
        <translation>%1 im Namespace %2 des Kontexts %3.</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>weniger als 1 min</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Showroom of %1, namespace %2</source>
        <translation>Showroom von %1, Namespace %2</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Erstellt von %1</translation>
    </message>
    <message>
        <source>someone unknown</source>
        <translation>einer unbekannten Person</translation>
    </message>
    <message>
        <source>Being torn down</source>
        <translation>Wird entfernt</translation>
    </message>
    <message>
        <source>Never expires by itself: the sweep removes it once its task is done</source>
        <translation>Läuft nie von selbst ab: Die Bereinigung entfernt ihn, sobald seine Aufgabe erledigt ist</translation>
    </message>
    <message>
        <source>Expired %1 ago (%2): the next sweep removes it</source>
        <translation>Vor %1 abgelaufen (%2): Die nächste Bereinigung entfernt ihn</translation>
    </message>
    <message>
        <source>Expires in %1 (%2)</source>
        <translation>Läuft in %1 ab (%2)</translation>
    </message>
    <message>
        <source>Showrooms of %1 are namespaces %2 of context %3, one per task; they are not watched.</source>
        <translation>Die Showrooms von %1 sind die Namespaces %2 des Kontexts %3, einer pro Aufgabe; sie werden nicht beobachtet.</translation>
    </message>
    <message>
        <source>Listing the showrooms of %1 in context %2…</source>
        <translation>Die Showrooms von %1 im Kontext %2 werden aufgelistet …</translation>
    </message>
    <message>
        <source>The showrooms of %1 (context %2) cannot be listed: %3</source>
        <translation>Die Showrooms von %1 (Kontext %2) können nicht aufgelistet werden: %3</translation>
    </message>
    <message>
        <source>No showroom of %1 is up. Each task&apos;s showroom (namespace %2 of context %3) gets a column of its own while it is up.</source>
        <translation>Kein Showroom von %1 läuft. Der Showroom jeder Aufgabe (Namespace %2 des Kontexts %3) erhält eine eigene Spalte, solange er läuft.</translation>
    </message>
    <message>
        <source>no showroom up</source>
        <translation>kein Showroom läuft</translation>
    </message>
    <message>
        <source>%1 is not deployed in namespace %2 of context %3.</source>
        <translation>%1 ist im Namespace %2 des Kontexts %3 nicht bereitgestellt.</translation>
    </message>
    <message>
        <source>tearing down · %1</source>
        <translation>wird entfernt · %1</translation>
    </message>
    <message>
        <source>%1
Context %2</source>
        <translation>%1
Kontext %2</translation>
    </message>
    <message>
        <source>
Rendered from: %1</source>
        <translation>
Gerendert aus: %1</translation>
    </message>
    <message>
        <source>Asleep since %1: its Deployments are scaled to zero (shipyardctl showroom wake %2)</source>
        <translation>Schläft seit %1: Seine Deployments sind auf null skaliert (shipyardctl showroom wake %2)</translation>
    </message>
    <message>
        <source>Pinned by %1: %2. The sweep keeps it past its expiry.</source>
        <translation>Angeheftet von %1: %2. Die Bereinigung behält ihn über seinen Ablauf hinaus.</translation>
    </message>
    <message>
        <source>☾ asleep · %1</source>
        <translation>☾ schläft · %1</translation>
    </message>
    <message>
        <source>📌 pinned · %1</source>
        <translation>📌 angeheftet · %1</translation>
    </message>
    <message>
        <source>Deliveries are refused until then, unless a person says why they cannot wait.</source>
        <translation>Auslieferungen werden bis dahin abgewiesen, es sei denn, eine Person begründet, warum sie nicht warten können.</translation>
    </message>
    <message>
        <source>canary %1 % · %2</source>
        <translation>Canary %1 % · %2</translation>
    </message>
    <message>
        <source>

Canary: %1 on %2/%3 pods beside these, step %4 of %5 (%6 % of the pods).</source>
        <translation>

Canary: %1 auf %2/%3 Pods neben diesen, Schritt %4 von %5 (%6 % der Pods).</translation>
    </message>
    <message>
        <source>
It waits for a person to promote or abort it: the Pipeline view, or shipyardctl canary promote|abort %1.</source>
        <translation>
Er wartet darauf, dass jemand ihn freigibt oder abbricht: in der Pipeline-Ansicht oder mit shipyardctl canary promote|abort %1.</translation>
    </message>
    <message>
        <source>‖ canary %1 % · %2</source>
        <translation>‖ Canary %1 % · %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>✔ Healthy: rolled out, every replica ready.</source>
        <translation>✔ Gesund: ausgerollt, jedes Replikat bereit.</translation>
    </message>
    <message>
        <source>⟳ Rolling out: new pods are starting and old ones are being replaced.</source>
        <translation>⟳ Rollout läuft: Neue Pods starten und alte werden ersetzt.</translation>
    </message>
    <message>
        <source>⚠ Degraded: rolled out, but fewer replicas are ready than wanted (a pod crashed, or its node went away).</source>
        <translation>⚠ Beeinträchtigt: ausgerollt, aber weniger Replikate sind bereit als gewünscht (ein Pod ist abgestürzt oder sein Node ist weggefallen).</translation>
    </message>
    <message>
        <source>✘ Rollout failed: it did not finish within its progress deadline. A delivery that sees this rolls the environment back.</source>
        <translation>✘ Rollout fehlgeschlagen: Er wurde nicht innerhalb seiner Fortschrittsfrist abgeschlossen. Eine Auslieferung, die das sieht, setzt die Umgebung zurück.</translation>
    </message>
    <message>
        <source>%1
⟳ %2/%3 ready · rolling out</source>
        <translation>%1
⟳ %2/%3 bereit · Rollout läuft</translation>
    </message>
    <message>
        <source>%1
✔ %2/%3 ready</source>
        <translation>%1
✔ %2/%3 bereit</translation>
    </message>
    <message>
        <source>%1
⚠ %2/%3 ready · degraded</source>
        <translation>%1
⚠ %2/%3 bereit · beeinträchtigt</translation>
    </message>
    <message>
        <source>%1
✘ %2/%3 ready · rollout failed</source>
        <translation>%1
✘ %2/%3 bereit · Rollout fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 in %2/%3
%4
</source>
        <translation>%1 in %2/%3
%4
</translation>
    </message>
    <message>
        <source>
Version: %1 (git describe --tags of the delivered commit)</source>
        <translation>
Version: %1 (git describe --tags des ausgelieferten Commits)</translation>
    </message>
    <message>
        <source>
Image: %1
%2</source>
        <translation>
Image: %1
%2</translation>
    </message>
    <message>
        <source>
Delivered by %1, %2 (%3)</source>
        <translation>
Ausgeliefert von %1, %2 (%3)</translation>
    </message>
    <message>
        <source>
❄ frozen until %1</source>
        <translation>
❄ gesperrt bis %1</translation>
    </message>
    <message>
        <source>
next freeze %1</source>
        <translation>
nächste Sperrzeit %1</translation>
    </message>
    <message numerus="yes">
        <source>
⚑ %1 delivers · %n waiting</source>
        <translation>
            <numerusform>
⚑ %1 liefert aus · %n wartet</numerusform>
            <numerusform>
⚑ %1 liefert aus · %n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>
⚑ %1 delivers</source>
        <translation>
⚑ %1 liefert aus</translation>
    </message>
    <message numerus="yes">
        <source>
%n waiting</source>
        <translation>
            <numerusform>
%n wartet</numerusform>
            <numerusform>
%n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>⚑ Delivery lock held by %1 since %2%3</source>
        <translation>⚑ Auslieferungssperre gehalten von %1 seit %2%3</translation>
    </message>
    <message>
        <source>Waiting since %2: %1%3</source>
        <translation>Wartet seit %2: %1%3</translation>
    </message>
</context>
<context>
    <name>Shipyard::EventListModel</name>
    <message>
        <source>%1s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1m ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 (from %2, at %3)</source>
        <translation>%1 (von %2, um %3)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Shipyard::FreezeWatch</name>
    <message>
        <source>Frozen %1</source>
        <translation>Gesperrt %1</translation>
    </message>
    <message>
        <source>Next freeze: %1</source>
        <translation>Nächste Sperrzeit: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::HistoryView</name>
    <message>
        <source>E&amp;nvironment:</source>
        <translation>Umgebu&amp;ng:</translation>
    </message>
    <message>
        <source>Environment of the history</source>
        <translation>Umgebung des Verlaufs</translation>
    </message>
    <message>
        <source>Filter: release, person, task, image, result…</source>
        <translation>Filter: Release, Person, Aufgabe, Image, Ergebnis …</translation>
    </message>
    <message>
        <source>Filter the releases</source>
        <translation>Die Releases filtern</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Read the release records again</source>
        <translation>Die Release-Einträge erneut lesen</translation>
    </message>
    <message>
        <source>&amp;Roll Back to This Release…</source>
        <translation>Auf dieses Release &amp;zurücksetzen …</translation>
    </message>
    <message>
        <source>Roll back to the selected release</source>
        <translation>Auf das ausgewählte Release zurücksetzen</translation>
    </message>
    <message>
        <source>Releases, newest first</source>
        <translation>Releases, neueste zuerst</translation>
    </message>
    <message>
        <source>State of the history</source>
        <translation>Zustand des Verlaufs</translation>
    </message>
    <message>
        <source>No releases recorded in %1 yet: every delivery and rollback records one.</source>
        <translation>In %1 sind noch keine Releases aufgezeichnet: Jede Auslieferung und jedes Rollback zeichnet eines auf.</translation>
    </message>
    <message numerus="yes">
        <source>%n release(s) in %1.</source>
        <translation>
            <numerusform>%n Release in %1.</numerusform>
            <numerusform>%n Releases in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open an ecosystem to see its releases.</source>
        <translation>Öffnen Sie ein Ökosystem, um seine Releases zu sehen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading the releases of %1…</source>
        <translation>Die Releases von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: removed (it did not exist then)&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: entfernt (existierte damals nicht)&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: &lt;tt&gt;%2&lt;/tt&gt;&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: &lt;tt&gt;%2&lt;/tt&gt;&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (context &lt;tt&gt;%2&lt;/tt&gt;, namespace &lt;tt&gt;%3&lt;/tt&gt;) goes back to release &lt;b&gt;%4&lt;/b&gt; of %5, exactly as recorded: every object re-applied, objects added since then removed:&lt;/p&gt;&lt;ul&gt;%6&lt;/ul&gt;&lt;p&gt;The running release%7 is marked rolled back and the restored state recorded as a new release. The environment&apos;s delivery lock is held meanwhile.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (Kontext &lt;tt&gt;%2&lt;/tt&gt;, Namespace &lt;tt&gt;%3&lt;/tt&gt;) kehrt zu Release &lt;b&gt;%4&lt;/b&gt; vom %5 zurück, genau wie aufgezeichnet: Jedes Objekt wird erneut angewendet, seitdem hinzugekommene Objekte werden entfernt:&lt;/p&gt;&lt;ul&gt;%6&lt;/ul&gt;&lt;p&gt;Das laufende Release%7 wird als zurückgesetzt markiert und der wiederhergestellte Zustand als neues Release aufgezeichnet. Die Auslieferungssperre der Umgebung wird währenddessen gehalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Rolling %1 back to %2…</source>
        <translation>%1 wird auf %2 zurückgesetzt …</translation>
    </message>
    <message>
        <source>%1 is back at %2 (new release %3, %4 s).</source>
        <translation>%1 ist wieder auf %2 (neues Release %3, %4 s).</translation>
    </message>
    <message>
        <source>Rollback of %1 failed: %2</source>
        <translation>Rollback von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::ImageBuilder</name>
    <message>
        <source>%1: “%2” is not a valid image name</source>
        <translation>%1: „%2“ ist kein gültiger Image-Name</translation>
    </message>
    <message>
        <source>%1: cannot create the image storage %2</source>
        <translation>%1: Der Image-Speicher %2 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>the registry credentials are not set (%1, %2)</source>
        <translation>Die Zugangsdaten der Registry sind nicht gesetzt (%1, %2)</translation>
    </message>
    <message>
        <source>cannot write the registry credentials to %1: %2</source>
        <translation>Die Zugangsdaten der Registry können nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the registry %1 may be reached over plain http (%2), so its credentials are not sent; use https, or set registry.sendCredentialsOverHttp: true to send them anyway</source>
        <translation>Die Registry %1 wird womöglich über unverschlüsseltes http erreicht (%2), daher werden ihre Zugangsdaten nicht gesendet; verwenden Sie https oder setzen Sie registry.sendCredentialsOverHttp: true, um sie trotzdem zu senden</translation>
    </message>
    <message>
        <source>insecure: true</source>
        <translation>insecure: true</translation>
    </message>
    <message>
        <source>an http:// url</source>
        <translation>eine http://-URL</translation>
    </message>
</context>
<context>
    <name>Shipyard::ImagesInUse</name>
    <message>
        <source>its release records: %1</source>
        <translation>ihre Release-Einträge: %1</translation>
    </message>
    <message>
        <source>release %1 of %2</source>
        <translation>Release %1 von %2</translation>
    </message>
    <message>
        <source>environment %1 (context %2) cannot be read: %3</source>
        <translation>Umgebung %1 (Kontext %2) kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>live in %1/%2</source>
        <translation>live in %1/%2</translation>
    </message>
    <message>
        <source>environment %1 (namespace %2 of context %3) cannot be read: %4</source>
        <translation>Umgebung %1 (Namespace %2 des Kontexts %3) kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <source>environment %1 (context %2): its showrooms cannot be listed: %3</source>
        <translation>Umgebung %1 (Kontext %2): ihre Showrooms können nicht aufgelistet werden: %3</translation>
    </message>
    <message>
        <source>showroom %1</source>
        <translation>Showroom %1</translation>
    </message>
    <message>
        <source>environment %1: showroom %2 (context %3) cannot be read: %4</source>
        <translation>Umgebung %1: Showroom %2 (Kontext %3) kann nicht gelesen werden: %4</translation>
    </message>
</context>
<context>
    <name>Shipyard::LogFilter</name>
    <message>
        <source>not a regular expression: %1 at %2</source>
        <translation>kein gültiger regulärer Ausdruck: %1 an Position %2</translation>
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
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>Auf&amp;gaben</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>Select a cell to see the system&apos;s details in that environment.</source>
        <translation>Wählen Sie eine Zelle aus, um die Details des Systems in dieser Umgebung zu sehen.</translation>
    </message>
    <message>
        <source>Details of the selected cell</source>
        <translation>Details der ausgewählten Zelle</translation>
    </message>
    <message>
        <source>&amp;Delivery</source>
        <translation>Aus&amp;lieferung</translation>
    </message>
    <message>
        <source>&amp;Deliver…</source>
        <translation>&amp;Ausliefern …</translation>
    </message>
    <message>
        <source>&amp;Cancel Delivery</source>
        <translation>Auslieferung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Roll Back to the Selected Release…</source>
        <translation>Auf das ausgewählte Release &amp;zurücksetzen …</translation>
    </message>
    <message>
        <source>%1: %2 systems, %3 environments.</source>
        <translation>%1: %2 Systeme, %3 Umgebungen.</translation>
    </message>
    <message>
        <source>Co&amp;mpare Environments…</source>
        <translation>Umgebungen verg&amp;leichen …</translation>
    </message>
    <message>
        <source>&amp;Tear Down Showroom…</source>
        <translation>Showroom &amp;entfernen …</translation>
    </message>
    <message>
        <source>Open an ecosystem without errors to compare its environments.</source>
        <translation>Öffnen Sie ein Ökosystem ohne Fehler, um seine Umgebungen zu vergleichen.</translation>
    </message>
    <message>
        <source>Filter: system, tag, task…</source>
        <translation>Filter: System, Tag, Aufgabe …</translation>
    </message>
    <message>
        <source>Filter the systems of the matrix</source>
        <translation>Die Systeme der Matrix filtern</translation>
    </message>
    <message>
        <source>Hea&amp;lth</source>
        <translation>&amp;Zustand</translation>
    </message>
    <message>
        <source>System &amp;Log</source>
        <translation>System-&amp;Log</translation>
    </message>
    <message>
        <source>Stop &amp;Waiting</source>
        <translation>&amp;Nicht mehr warten</translation>
    </message>
    <message>
        <source>Kubernetes goes on deleting the showroom&apos;s namespace; Shipyard stops waiting for it.</source>
        <translation>Kubernetes löscht den Namespace des Showrooms weiter; Shipyard wartet nicht mehr darauf.</translation>
    </message>
</context>
<context>
    <name>Shipyard::MetricsReport</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>release records of %1: %2</source>
        <translation>Release-Einträge von %1: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::MetricsView</name>
    <message>
        <source>E&amp;nvironment:</source>
        <translation>Umgebu&amp;ng:</translation>
    </message>
    <message>
        <source>Environment of the metrics</source>
        <translation>Umgebung der Metriken</translation>
    </message>
    <message>
        <source>&amp;Over:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Period of the metrics</source>
        <translation>Zeitraum der Metriken</translation>
    </message>
    <message numerus="yes">
        <source>the last %n day(s)</source>
        <translation>
            <numerusform>letzter %n Tag</numerusform>
            <numerusform>letzte %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>State of the metrics</source>
        <translation>Zustand der Metriken</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Read the releases and the monitoring again</source>
        <translation>Die Releases und die Überwachung erneut lesen</translation>
    </message>
    <message>
        <source>Deployment frequency</source>
        <translation>Deployment-Häufigkeit</translation>
    </message>
    <message>
        <source>Change failure rate</source>
        <translation>Änderungsfehlerrate</translation>
    </message>
    <message>
        <source>Time to restore</source>
        <translation>Wiederherstellungszeit</translation>
    </message>
    <message>
        <source>Lead time for changes</source>
        <translation>Vorlaufzeit für Änderungen</translation>
    </message>
    <message>
        <source>Deployments per day</source>
        <translation>Deployments pro Tag</translation>
    </message>
    <message>
        <source>Monitoring around the latest releases</source>
        <translation>Überwachung rund um die letzten Releases</translation>
    </message>
    <message>
        <source>Open an ecosystem to see its metrics.</source>
        <translation>Öffnen Sie ein Ökosystem, um seine Metriken zu sehen.</translation>
    </message>
    <message>
        <source>No environment chosen.</source>
        <translation>Keine Umgebung ausgewählt.</translation>
    </message>
    <message>
        <source>%1, details</source>
        <translation>%1, Details</translation>
    </message>
    <message>
        <source>Reading the releases of %1…</source>
        <translation>Die Releases von %1 werden gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) of %1 since %2.</source>
        <translation>
            <numerusform>%n Deployment in %1 seit %2.</numerusform>
            <numerusform>%n Deployments in %1 seit %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation>%1 pro Tag</translation>
    </message>
    <message>
        <source>%1 per week</source>
        <translation>%1 pro Woche</translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) in %1 day(s)</source>
        <translation>
            <numerusform>%n Deployment in %1 Tag(en)</numerusform>
            <numerusform>%n Deployments in %1 Tag(en)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n deployment(s) failed or were rolled back</source>
        <translation>
            <numerusform>%1 von %n Deployment fehlgeschlagen oder zurückgesetzt</numerusform>
            <numerusform>%1 von %n Deployments fehlgeschlagen oder zurückgesetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>no deployments</source>
        <translation>keine Deployments</translation>
    </message>
    <message>
        <source>no failures</source>
        <translation>keine Fehlschläge</translation>
    </message>
    <message numerus="yes">
        <source>mean over %n failure(s), to the next good release</source>
        <translation>
            <numerusform>Mittelwert über %n Fehlschlag, bis zum nächsten guten Release</numerusform>
            <numerusform>Mittelwert über %n Fehlschläge, bis zum nächsten guten Release</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 restored, %2 not yet</source>
        <translation>%1 wiederhergestellt, %2 noch nicht</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>median from commit to release over %n commit(s)</source>
        <translation>
            <numerusform>Median von Commit bis Release über %n Commit</numerusform>
            <numerusform>Median von Commit bis Release über %n Commits</numerusform>
        </translation>
    </message>
    <message>
        <source>the delivered commits are not in a repository on this machine</source>
        <translation>Die ausgelieferten Commits liegen in keinem Repository auf diesem Rechner</translation>
    </message>
    <message>
        <source>no delivered commits: the images were given</source>
        <translation>keine ausgelieferten Commits: Die Images wurden vorgegeben</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed or rolled back</source>
        <translation>fehlgeschlagen oder zurückgesetzt</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No monitoring configured.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Name a Prometheus and a query under &lt;tt&gt;rollback.monitoring&lt;/tt&gt; in the ecosystem file to see the error rate around each release here, and to roll back automatically when it exceeds its threshold.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keine Überwachung eingerichtet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Geben Sie in der Ökosystem-Datei unter &lt;tt&gt;rollback.monitoring&lt;/tt&gt; einen Prometheus und eine Abfrage an, um hier die Fehlerrate rund um jedes Release zu sehen und automatisch zurückzusetzen, wenn sie ihren Schwellwert überschreitet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Monitoring unavailable.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Überwachung nicht verfügbar.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Monitoring query around the latest releases</source>
        <translation>Überwachungsabfrage rund um die letzten Releases</translation>
    </message>
    <message>
        <source>query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>Schwellwert %1</translation>
    </message>
    <message>
        <source>good release</source>
        <translation>gutes Release</translation>
    </message>
    <message>
        <source>failed release</source>
        <translation>fehlgeschlagenes Release</translation>
    </message>
    <message>
        <source>Monitoring query around the latest releases — no data</source>
        <translation>Überwachungsabfrage rund um die letzten Releases – keine Daten</translation>
    </message>
</context>
<context>
    <name>Shipyard::PipelineGraphView</name>
    <message>
        <source>No delivery in this session yet. Choose “Deliver…” to start one.</source>
        <translation>In dieser Sitzung gab es noch keine Auslieferung. Wählen Sie „Ausliefern …“, um eine zu starten.</translation>
    </message>
    <message>
        <source>Delivery steps</source>
        <translation>Auslieferungsschritte</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>Shipyard::PipelineView</name>
    <message>
        <source>E&amp;nvironment:</source>
        <translation>Umgebu&amp;ng:</translation>
    </message>
    <message>
        <source>Environment of the pipeline</source>
        <translation>Umgebung der Pipeline</translation>
    </message>
    <message>
        <source>Holder of the environment&apos;s delivery lock</source>
        <translation>Inhaber der Auslieferungssperre der Umgebung</translation>
    </message>
    <message>
        <source>&amp;Deliver…</source>
        <translation>Au&amp;sliefern …</translation>
    </message>
    <message>
        <source>Deliver systems into an environment</source>
        <translation>Systeme in eine Umgebung ausliefern</translation>
    </message>
    <message>
        <source>&amp;Cancel Delivery</source>
        <translation>Auslieferung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Cancel the running delivery</source>
        <translation>Die laufende Auslieferung abbrechen</translation>
    </message>
    <message>
        <source>Stops at the next check; whatever was applied is rolled back.</source>
        <translation>Hält beim nächsten Prüfpunkt an; was angewendet wurde, wird zurückgesetzt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No delivery started from this window yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aus diesem Fenster wurde noch keine Auslieferung gestartet.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What the delivery delivers</source>
        <translation>Inhalt der Auslieferung</translation>
    </message>
    <message>
        <source>State of the delivery</source>
        <translation>Zustand der Auslieferung</translation>
    </message>
    <message>
        <source>Deliver into %1</source>
        <translation>In %1 ausliefern</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>&amp;Ausliefern</translation>
    </message>
    <message>
        <source>No environment named %1.</source>
        <translation>Keine Umgebung namens %1.</translation>
    </message>
    <message>
        <source>A delivery into %1 is still running.</source>
        <translation>Eine Auslieferung in %1 läuft noch.</translation>
    </message>
    <message>
        <source>%1 (built from %2)</source>
        <translation>%1 (gebaut aus %2)</translation>
    </message>
    <message>
        <source>upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery into %1&lt;/b&gt; — %2 — started %3</source>
        <translation>&lt;b&gt;Auslieferung in %1&lt;/b&gt; — %2 — gestartet %3</translation>
    </message>
    <message>
        <source>Delivering into %1…</source>
        <translation>Auslieferung in %1 …</translation>
    </message>
    <message>
        <source>Cancelling: what was applied is being rolled back…</source>
        <translation>Wird abgebrochen: Was angewendet wurde, wird zurückgesetzt …</translation>
    </message>
    <message>
        <source>Delivered into %1 in %2 s (release %3).</source>
        <translation>In %1 ausgeliefert in %2 s (Release %3).</translation>
    </message>
    <message>
        <source>Failed at %1: %2</source>
        <translation>Fehlgeschlagen bei %1: %2</translation>
    </message>
    <message>
        <source>Rolled back to %1 after %2 failed: %3</source>
        <translation>Auf %1 zurückgesetzt, nachdem %2 fehlschlug: %3</translation>
    </message>
    <message>
        <source>Cancelled; %1 restored.</source>
        <translation>Abgebrochen; %1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>nothing was applied, nothing</source>
        <translation>nichts wurde angewendet, nichts</translation>
    </message>
    <message>
        <source>Lock: unknown</source>
        <translation>Sperre: unbekannt</translation>
    </message>
    <message>
        <source>Lock: free</source>
        <translation>Sperre: frei</translation>
    </message>
    <message>
        <source>No delivery holds this environment.</source>
        <translation>Keine Auslieferung belegt diese Umgebung.</translation>
    </message>
    <message>
        <source>Lock held by &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Sperre gehalten von &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deliveries into this environment wait for %1 to finish.</source>
        <translation>Auslieferungen in diese Umgebung warten, bis %1 fertig ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No delivery recorded in %1 yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;In %1 ist noch keine Auslieferung aufgezeichnet.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The latest delivery into %1&lt;/b&gt;: release %2 by %3, %4</source>
        <translation>&lt;b&gt;Die letzte Auslieferung in %1&lt;/b&gt;: Release %2 von %3, %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Lock: the delivery&apos;s own</source>
        <translation>Sperre: die der Auslieferung</translation>
    </message>
    <message>
        <source>The delivery shown holds the lock of the namespace it delivers into.</source>
        <translation>Die angezeigte Auslieferung hält die Sperre des Namespace, in den sie ausliefert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — started %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — gestartet %2</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>Deliveries waiting for the environment</source>
        <translation>Auslieferungen, die auf die Umgebung warten</translation>
    </message>
    <message>
        <source>Holder and queue of the environment&apos;s delivery lock</source>
        <translation>Inhaber und Warteschlange der Auslieferungssperre der Umgebung</translation>
    </message>
    <message>
        <source>(release %1 was recorded without its log)</source>
        <translation>(Release %1 wurde ohne sein Log aufgezeichnet)</translation>
    </message>
    <message>
        <source>Queue: unknown</source>
        <translation>Warteschlange: unbekannt</translation>
    </message>
    <message>
        <source>Who holds the environment&apos;s delivery lock and who waits for it, first come, first served.</source>
        <translation>Wer die Auslieferungssperre der Umgebung hält und wer darauf wartet, in der Reihenfolge der Anfragen.</translation>
    </message>
    <message>
        <source>Freeze windows of the environment</source>
        <translation>Sperrzeiten der Umgebung</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;❄ %1 is frozen %2.&lt;/b&gt; Deliver now only if it cannot wait: say why below. Your reason is kept in the audit journal and the release record.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;❄ %1 ist %2 gesperrt.&lt;/b&gt; Liefern Sie jetzt nur aus, wenn es nicht warten kann: Begründen Sie es unten. Ihr Grund wird im Audit-Journal und im Release-Eintrag festgehalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Why it cannot wait for the freeze to end:</source>
        <translation>Warum es nicht bis zum Ende der Sperrzeit warten kann:</translation>
    </message>
    <message>
        <source>&lt;b&gt;❄ Frozen until %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;❄ Gesperrt bis %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Next freeze: %1</source>
        <translation>Nächste Sperrzeit: %1</translation>
    </message>
    <message>
        <source>Deliver &amp;Anyway…</source>
        <translation>&amp;Trotzdem ausliefern…</translation>
    </message>
    <message>
        <source>Deliver although alerts fire, saying why</source>
        <translation>Trotz ausgelöster Alerts ausliefern, mit Begründung</translation>
    </message>
    <message>
        <source>Alerts of the environment fire: deliver only if it cannot wait.</source>
        <translation>Alerts der Umgebung sind ausgelöst: nur ausliefern, wenn es nicht warten kann.</translation>
    </message>
    <message>
        <source>Deliver into %1 although alerts fire</source>
        <translation>Trotz Alerts in %1 ausliefern</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Deliver now only if it cannot wait: say why below. Your reason is kept in the audit journal and the release record, and the alerts firing now are not held against this release; a new one still rolls it back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Jetzt nur ausliefern, wenn es nicht warten kann: unten begründen. Ihre Begründung kommt ins Audit-Journal und in den Release-Eintrag; die jetzt ausgelösten Alerts werden diesem Release nicht angelastet, ein neuer rollt es trotzdem zurück.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Deliver &amp;Anyway</source>
        <translation>&amp;Trotzdem ausliefern</translation>
    </message>
    <message>
        <source>Why it cannot wait for the alerts to stop:</source>
        <translation>Warum es nicht warten kann, bis die Alerts aufhören:</translation>
    </message>
    <message>
        <source>Unfinished: the delivery of release %1 stopped before it ended, and none holds the lock now. The next delivery into %2 restores the last good release first (rollback.onInterrupted), or run shipyardctl rollback.</source>
        <translation>Nicht abgeschlossen: Die Auslieferung von Release %1 wurde vor ihrem Ende unterbrochen, und niemand hält jetzt die Sperre. Die nächste Auslieferung nach %2 stellt zuerst das letzte gute Release wieder her (rollback.onInterrupted), oder führen Sie shipyardctl rollback aus.</translation>
    </message>
    <message>
        <source>In progress, run by %1.</source>
        <translation>Läuft, gestartet von %1.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>In progress, run by %1: %2.</source>
        <translation>Läuft, gestartet von %1: %2.</translation>
    </message>
    <message>
        <source>In progress, run by %1: %2, %3.</source>
        <translation>Läuft, gestartet von %1: %2, %3.</translation>
    </message>
</context>
<context>
    <name>Shipyard::PodLogView</name>
    <message>
        <source>Search the log (Enter: next, Shift+Enter: previous)</source>
        <translation>Im Log suchen (Eingabe: nächster, Umschalt+Eingabe: vorheriger Treffer)</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Im Log suchen</translation>
    </message>
    <message>
        <source>Log status</source>
        <translation>Log-Status</translation>
    </message>
    <message>
        <source>Pod log</source>
        <translation>Pod-Log</translation>
    </message>
    <message>
        <source>Select a pod to follow its log.</source>
        <translation>Wählen Sie einen Pod aus, um sein Log zu verfolgen.</translation>
    </message>
    <message>
        <source>No log lines yet.</source>
        <translation>Noch keine Log-Zeilen.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>… (lines dropped: the log grew faster than it could be shown)</source>
        <translation>… (Zeilen verworfen: Das Log wuchs schneller, als es angezeigt werden konnte)</translation>
    </message>
    <message>
        <source>Cannot read the log of %1: %2</source>
        <translation>Das Log von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The crashed container&apos;s log</source>
        <translation>Das Log des abgestürzten Containers</translation>
    </message>
    <message>
        <source>Log ended</source>
        <translation>Log beendet</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Wird verfolgt</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>The container whose log is shown</source>
        <translation>Der Container, dessen Log angezeigt wird</translation>
    </message>
</context>
<context>
    <name>Shipyard::PrometheusClient</name>
    <message>
        <source>invalid Prometheus URL: %1</source>
        <translation>Ungültige Prometheus-URL: %1</translation>
    </message>
    <message>
        <source>query to Prometheus cancelled</source>
        <translation>Abfrage an Prometheus abgebrochen</translation>
    </message>
    <message>
        <source>Prometheus unreachable: %1 (%2)</source>
        <translation>Prometheus nicht erreichbar: %1 (%2)</translation>
    </message>
    <message>
        <source>Prometheus rejected the query: %1</source>
        <translation>Prometheus hat die Abfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>Prometheus answered HTTP %1</source>
        <translation>Prometheus antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>Prometheus failed to run the query (HTTP %1, %2): %3</source>
        <translation>Prometheus konnte die Abfrage nicht ausführen (HTTP %1, %2): %3</translation>
    </message>
    <message>
        <source>Prometheus sent an answer that is not an API response</source>
        <translation>Prometheus hat eine Antwort gesendet, die keine API-Antwort ist</translation>
    </message>
    <message>
        <source>Prometheus sent a result that cannot be read (type “%1”)</source>
        <translation>Prometheus hat ein Ergebnis gesendet, das nicht gelesen werden kann (Typ „%1“)</translation>
    </message>
    <message>
        <source>no credentials for Prometheus: %1</source>
        <translation>keine Zugangsdaten für Prometheus: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::PrometheusResult</name>
    <message>
        <source>the query gives a %1, not a number</source>
        <translation>Die Abfrage liefert einen Wert vom Typ %1, keine Zahl</translation>
    </message>
    <message>
        <source>the query gives %1 series, not one number; aggregate it (e.g. with sum)</source>
        <translation>Die Abfrage liefert %1 Reihen, nicht eine Zahl; aggregieren Sie sie (z. B. mit sum)</translation>
    </message>
</context>
<context>
    <name>Shipyard::RegistryClient</name>
    <message>
        <source>usernameEnv</source>
        <translation>usernameEnv</translation>
    </message>
    <message>
        <source>passwordEnv</source>
        <translation>passwordEnv</translation>
    </message>
    <message>
        <source>the credentials are not set (%1 empty)</source>
        <translation>Die Zugangsdaten sind nicht gesetzt (%1 leer)</translation>
    </message>
    <message>
        <source>request to the registry %1 cancelled</source>
        <translation>Anfrage an die Registry %1 abgebrochen</translation>
    </message>
    <message>
        <source>registry unreachable: %1 (%2)</source>
        <translation>Registry nicht erreichbar: %1 (%2)</translation>
    </message>
    <message>
        <source>registry %1 refused the credentials (HTTP 401)%2</source>
        <translation>Registry %1 hat die Zugangsdaten abgelehnt (HTTP 401)%2</translation>
    </message>
    <message>
        <source>registry %1 requires authentication (HTTP 401): %2</source>
        <translation>Registry %1 verlangt eine Authentifizierung (HTTP 401): %2</translation>
    </message>
    <message>
        <source>registry %1 denied access to %2 (HTTP 403)%3</source>
        <translation>Registry %1 hat den Zugriff auf %2 verweigert (HTTP 403)%3</translation>
    </message>
    <message>
        <source>registry %1 answered HTTP %2 for %3%4</source>
        <translation>Registry %1 antwortete mit HTTP %2 auf %3%4</translation>
    </message>
    <message>
        <source>not an image reference: %1</source>
        <translation>Keine Image-Referenz: %1</translation>
    </message>
    <message>
        <source>invalid registry URL: %1</source>
        <translation>Ungültige Registry-URL: %1</translation>
    </message>
    <message>
        <source>image not found: %1</source>
        <translation>Image nicht gefunden: %1</translation>
    </message>
    <message>
        <source>registry %1 sent an unreadable manifest for %2</source>
        <translation>Registry %1 hat ein unlesbares Manifest für %2 gesendet</translation>
    </message>
    <message>
        <source>registry %1 sent a manifest whose digest is %2, not the one asked for: %3</source>
        <translation>Registry %1 hat ein Manifest mit dem Digest %2 gesendet, nicht mit dem angefragten: %3</translation>
    </message>
    <message>
        <source>not a repository name: %1</source>
        <translation>Kein Repository-Name: %1</translation>
    </message>
    <message>
        <source>repository not found: %1/%2</source>
        <translation>Repository nicht gefunden: %1/%2</translation>
    </message>
    <message>
        <source>registry %1 sent an unreadable tag list for %2</source>
        <translation>Registry %1 hat eine unlesbare Tag-Liste für %2 gesendet</translation>
    </message>
    <message>
        <source>its credentials are not sent over plain http (%1); use https, or set registry.sendCredentialsOverHttp: true to send them anyway</source>
        <translation>Die Zugangsdaten werden nicht über unverschlüsseltes http gesendet (%1); verwenden Sie https oder setzen Sie registry.sendCredentialsOverHttp: true, um sie trotzdem zu senden</translation>
    </message>
    <message>
        <source>insecure: true</source>
        <translation>insecure: true</translation>
    </message>
    <message>
        <source>registry %1 asks for a token from a realm that is no http(s) URL: “%2”</source>
        <translation>Registry %1 verlangt ein Token von einem Realm, das keine http(s)-URL ist: „%2“</translation>
    </message>
    <message>
        <source>its credentials are not sent to the token service over plain http (%1); use https, or set registry.sendCredentialsOverHttp: true to send them anyway</source>
        <translation>ihre Zugangsdaten werden nicht über unverschlüsseltes http an den Token-Dienst gesendet (%1); verwenden Sie https oder setzen Sie registry.sendCredentialsOverHttp: true, um sie trotzdem zu senden</translation>
    </message>
    <message>
        <source>no credentials are configured (registry.usernameEnv, registry.passwordEnv)</source>
        <translation>es sind keine Zugangsdaten konfiguriert (registry.usernameEnv, registry.passwordEnv)</translation>
    </message>
    <message>
        <source>request to the token service %1 cancelled</source>
        <translation>Anfrage an den Token-Dienst %1 abgebrochen</translation>
    </message>
    <message>
        <source>the token service of registry %1 is unreachable: %2 (%3)</source>
        <translation>der Token-Dienst der Registry %1 ist nicht erreichbar: %2 (%3)</translation>
    </message>
    <message>
        <source>the token service %1 of registry %2 refused the credentials (HTTP %3)</source>
        <translation>der Token-Dienst %1 der Registry %2 hat die Zugangsdaten abgelehnt (HTTP %3)</translation>
    </message>
    <message>
        <source>registry %1 requires authentication (its token service %2 answered HTTP %3): %4</source>
        <translation>Registry %1 erfordert eine Authentifizierung (ihr Token-Dienst %2 antwortete mit HTTP %3): %4</translation>
    </message>
    <message>
        <source>the token service %1 of registry %2 answered HTTP %3 without a token</source>
        <translation>der Token-Dienst %1 der Registry %2 antwortete mit HTTP %3 ohne Token</translation>
    </message>
    <message>
        <source>registry %1 refused the token its token service issued for %2 (HTTP 401)%3: the account lacks that right</source>
        <translation>Registry %1 hat das Token abgelehnt, das ihr Token-Dienst für %2 ausgestellt hat (HTTP 401)%3: dem Konto fehlt dieses Recht</translation>
    </message>
    <message>
        <source>registry %1 refused the token its token service issued for %2 (HTTP 401%3)%4: the registry does not accept that service&apos;s tokens (its auth.token issuer, service or rootcertbundle)</source>
        <translation>Registry %1 hat das Token abgelehnt, das ihr Token-Dienst für %2 ausgestellt hat (HTTP 401%3)%4: die Registry akzeptiert die Tokens dieses Dienstes nicht (ihr auth.token issuer, service oder rootcertbundle)</translation>
    </message>
    <message>
        <source>registry %1 sent no Docker-Content-Digest for %2</source>
        <translation>Registry %1 hat keinen Docker-Content-Digest für %2 gesendet</translation>
    </message>
    <message>
        <source>blob not found: %1/%2@%3</source>
        <translation>Blob nicht gefunden: %1/%2@%3</translation>
    </message>
    <message>
        <source>registry %1 sent a blob whose digest is not %2</source>
        <translation>Registry %1 hat einen Blob gesendet, dessen Digest nicht %2 ist</translation>
    </message>
    <message>
        <source>a manifest is deleted by digest, not by tag: %1</source>
        <translation>ein Manifest wird per Digest gelöscht, nicht per Tag: %1</translation>
    </message>
    <message>
        <source>registry %1 does not allow deleting images (HTTP 405): enable deletion in its configuration (storage: {delete: {enabled: true}}, or REGISTRY_STORAGE_DELETE_ENABLED=true in its environment) and restart it</source>
        <translation>Registry %1 erlaubt das Löschen von Images nicht (HTTP 405): Aktivieren Sie das Löschen in ihrer Konfiguration (storage: {delete: {enabled: true}} oder REGISTRY_STORAGE_DELETE_ENABLED=true in ihrer Umgebung) und starten Sie sie neu</translation>
    </message>
    <message>
        <source>registry %1 has no API v2 (GET /v2/ answered 404)</source>
        <translation>Registry %1 hat keine API v2 (GET /v2/ antwortete mit 404)</translation>
    </message>
</context>
<context>
    <name>Shipyard::RegistryPrune</name>
    <message>
        <source>newest %1</source>
        <translation>unter den neuesten %1</translation>
    </message>
    <message>
        <source>younger than %1</source>
        <translation>jünger als %1</translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>Alter unbekannt</translation>
    </message>
    <message>
        <source>same image as %1</source>
        <translation>dasselbe Image wie %1</translation>
    </message>
    <message>
        <source>%1 names no registry (registry.url)</source>
        <translation>%1 nennt keine Registry (registry.url)</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>kein System namens %1</translation>
    </message>
    <message>
        <source>system %1 has no image</source>
        <translation>System %1 hat kein Image</translation>
    </message>
    <message>
        <source>listing the tags of %1/%2</source>
        <translation>Tags von %1/%2 werden aufgelistet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>reading the images in use in every environment</source>
        <translation>die verwendeten Images in jeder Umgebung werden gelesen</translation>
    </message>
    <message>
        <source>nothing deleted: the images in use could not be read completely, and deleting on partial knowledge could delete what runs there — %1</source>
        <translation>nichts gelöscht: Die verwendeten Images konnten nicht vollständig gelesen werden, und ein Löschen auf Basis unvollständigen Wissens könnte löschen, was dort läuft — %1</translation>
    </message>
    <message>
        <source>deleting %1/%2@%3 (%4)</source>
        <translation>%1/%2@%3 wird gelöscht (%4)</translation>
    </message>
</context>
<context>
    <name>Shipyard::ReleaseHistoryModel</name>
    <message>
        <source>no environment chosen</source>
        <translation>keine Umgebung ausgewählt</translation>
    </message>
    <message>
        <source>release records of %1: %2</source>
        <translation>Release-Einträge von %1: %2</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgesetzt</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>rollback: restores %1</source>
        <translation>Rollback: stellt %1 wieder her</translation>
    </message>
    <message>
        <source>rollback: restores %1 — %2</source>
        <translation>Rollback: stellt %1 wieder her — %2</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Systems → images</source>
        <translation>Systeme → Images</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>%1 %2 running</source>
        <translation>%1 %2 läuft</translation>
    </message>
    <message>
        <source>%1 %2 done</source>
        <translation>%1 %2 abgeschlossen</translation>
    </message>
    <message>
        <source>%1 %2 failed</source>
        <translation>%1 %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 — Job %2</source>
        <translation>%1 — Job %2</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
</context>
<context>
    <name>Shipyard::ReplicaTimeline</name>
    <message>
        <source>rollout started</source>
        <translation>Rollout gestartet</translation>
    </message>
    <message>
        <source>rolled out</source>
        <translation>Rollout abgeschlossen</translation>
    </message>
    <message>
        <source>rollout failed</source>
        <translation>Rollout fehlgeschlagen</translation>
    </message>
    <message>
        <source>rollout failed: %1</source>
        <translation>Rollout fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>Gewünscht</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>Shipyard::RolloutChartView</name>
    <message>
        <source>Ready replicas over time</source>
        <translation>Bereite Replikas im Zeitverlauf</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>gewünscht</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>rollout started</source>
        <translation>Rollout gestartet</translation>
    </message>
    <message>
        <source>rolled out</source>
        <translation>Rollout abgeschlossen</translation>
    </message>
    <message>
        <source>rollout failed</source>
        <translation>Rollout fehlgeschlagen</translation>
    </message>
    <message>
        <source>No replica counts recorded yet.</source>
        <translation>Noch keine Replikazahlen aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1 of %2 replicas ready, %3 updated</source>
        <translation>%1 von %2 Replikas bereit, %3 aktualisiert</translation>
    </message>
    <message>
        <source>; rolled out at %1</source>
        <translation>; Rollout um %1 abgeschlossen</translation>
    </message>
    <message>
        <source>; rollout failed at %1: %2</source>
        <translation>; Rollout um %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>; rollout failed at %1</source>
        <translation>; Rollout um %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>; rollout of revision %1 started at %2</source>
        <translation>; Rollout von Revision %1 um %2 gestartet</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::RolloutHistoryModel</name>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (aktuell)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Replica set</source>
        <translation>ReplicaSet</translation>
    </message>
    <message>
        <source>Change cause</source>
        <translation>Änderungsgrund</translation>
    </message>
</context>
<context>
    <name>Shipyard::SystemLogStream</name>
    <message>
        <source>Deployment %1 in %2 has no selector</source>
        <translation>Deployment %1 in %2 hat keinen Selektor</translation>
    </message>
    <message>
        <source>Cannot read deployment %1 in %2: %3</source>
        <translation>Deployment %1 in %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Cannot watch the pods of %1: %2</source>
        <translation>Die Pods von %1 können nicht beobachtet werden: %2</translation>
    </message>
    <message>
        <source>The log of %1/%2: %3</source>
        <translation>Das Log von %1/%2: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::SystemLogView</name>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Show the lines of one pod, or of all</source>
        <translation>Die Zeilen eines Pods oder aller Pods anzeigen</translation>
    </message>
    <message>
        <source>All pods</source>
        <translation>Alle Pods</translation>
    </message>
    <message>
        <source>Filter lines (case-insensitive)</source>
        <translation>Zeilen filtern (Groß-/Kleinschreibung egal)</translation>
    </message>
    <message>
        <source>Filter the system&apos;s log</source>
        <translation>Das Log des Systems filtern</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Read the filter as a regular expression</source>
        <translation>Den Filter als regulären Ausdruck auffassen</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Show new lines as they come; off: pause here (lines are still collected)</source>
        <translation>Neue Zeilen anzeigen, sobald sie eintreffen; aus: hier anhalten (Zeilen werden weiter gesammelt)</translation>
    </message>
    <message>
        <source>System log status</source>
        <translation>System-Log-Status</translation>
    </message>
    <message>
        <source>System log</source>
        <translation>System-Log</translation>
    </message>
    <message>
        <source>Select a deployment to follow the log of all its pods.</source>
        <translation>Wählen Sie ein Deployment aus, um das Log aller seiner Pods zu verfolgen.</translation>
    </message>
    <message>
        <source>No log lines yet.</source>
        <translation>Noch keine Log-Zeilen.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) (%1 dropped)</source>
        <translation>
            <numerusform>%n Zeile (%1 verworfen)</numerusform>
            <numerusform>%n Zeilen (%1 verworfen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n shown</source>
        <translation>
            <numerusform>, %n angezeigt</numerusform>
            <numerusform>, %n angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>, paused</source>
        <translation>, angehalten</translation>
    </message>
    <message numerus="yes">
        <source> · %n pod(s)</source>
        <translation>
            <numerusform> · %n Pod</numerusform>
            <numerusform> · %n Pods</numerusform>
        </translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Lead each line with its time (local, to the millisecond)</source>
        <translation>Jede Zeile mit ihrer Zeit beginnen (lokal, auf die Millisekunde)</translation>
    </message>
</context>
<context>
    <name>Shipyard::TaskActionController</name>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1: the ecosystem has no showroom environment to deliver into.</source>
        <translation>%1: Das Ökosystem hat keine Showroom-Umgebung, in die ausgeliefert werden kann.</translation>
    </message>
    <message>
        <source>%1: a delivery is still running; wait for it to end.</source>
        <translation>%1: Eine Auslieferung läuft noch; warten Sie, bis sie endet.</translation>
    </message>
    <message>
        <source>%1: looking for its branches…</source>
        <translation>%1: Branches werden gesucht …</translation>
    </message>
    <message>
        <source>no system&apos;s repository has a branch naming %1: nothing to show</source>
        <translation>kein Repository eines Systems hat einen Branch, der %1 nennt: nichts zu zeigen</translation>
    </message>
    <message>
        <source>%1 not delivered to a showroom: %2</source>
        <translation>%1 nicht in einen Showroom ausgeliefert: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shipyard will deliver &lt;b&gt;%1&lt;/b&gt; into the showroom environment &lt;b&gt;%2&lt;/b&gt; (context &lt;tt&gt;%3&lt;/tt&gt;), namespace &lt;tt&gt;%4&lt;/tt&gt;, %5:&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;Shipyard wird &lt;b&gt;%1&lt;/b&gt; in die Showroom-Umgebung &lt;b&gt;%2&lt;/b&gt; (Kontext &lt;tt&gt;%3&lt;/tt&gt;) ausliefern, Namespace &lt;tt&gt;%4&lt;/tt&gt;, %5:&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>which exists already and is updated</source>
        <translation>der bereits existiert und aktualisiert wird</translation>
    </message>
    <message>
        <source>created for it</source>
        <translation>der dafür angelegt wird</translation>
    </message>
    <message>
        <source>built into &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>gebaut als &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>as the image &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>als Image &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: its upstream &lt;tt&gt;%2&lt;/tt&gt;, %3&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: sein Upstream &lt;tt&gt;%2&lt;/tt&gt;, %3&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: the task&apos;s branch &lt;tt&gt;%2&lt;/tt&gt;, %3&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: der Branch der Aufgabe &lt;tt&gt;%2&lt;/tt&gt;, %3&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;/ul&gt;&lt;p&gt;The showroom lives for %1 (until about %2%3), then the sweep removes it; it also goes once the task is done or its branches are merged. Nothing is merged into upstream.&lt;/p&gt;</source>
        <translation>&lt;/ul&gt;&lt;p&gt;Der Showroom besteht %1 lang (bis etwa %2%3), dann entfernt ihn die Bereinigung; er verschwindet auch, sobald die Aufgabe erledigt ist oder ihre Branches zusammengeführt sind. Nichts wird in den Upstream zusammengeführt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, or later if it was asked for longer</source>
        <translation>, oder länger, falls eine längere Dauer verlangt wurde</translation>
    </message>
    <message>
        <source>Deliver %1 to a showroom</source>
        <translation>%1 in einen Showroom ausliefern</translation>
    </message>
    <message>
        <source>Deliver to &amp;Showroom</source>
        <translation>In &amp;Showroom ausliefern</translation>
    </message>
    <message>
        <source>%1: not delivered to a showroom.</source>
        <translation>%1: nicht in einen Showroom ausgeliefert.</translation>
    </message>
    <message>
        <source>Showroom %1 in %2</source>
        <translation>Showroom %1 in %2</translation>
    </message>
    <message>
        <source>%1: delivering to showroom %2…</source>
        <translation>%1: Auslieferung in Showroom %2 …</translation>
    </message>
    <message>
        <source>%1 is in showroom %2 until %3 (release %4).</source>
        <translation>%1 ist bis %3 in Showroom %2 (Release %4).</translation>
    </message>
    <message>
        <source>Showroom %1 failed at %2: %3</source>
        <translation>Showroom %1 fehlgeschlagen bei %2: %3</translation>
    </message>
    <message>
        <source>%1: the ecosystem has no production environment to merge through.</source>
        <translation>%1: Das Ökosystem hat keine Produktionsumgebung, über die zusammengeführt werden kann.</translation>
    </message>
    <message>
        <source>%1: the ecosystem has no staging environment to deliver into.</source>
        <translation>%1: Das Ökosystem hat keine Staging-Umgebung, in die ausgeliefert werden kann.</translation>
    </message>
    <message>
        <source>no repository of %1&apos;s systems has a branch naming %2</source>
        <translation>kein Repository der Systeme von %1 hat einen Branch, der %2 nennt</translation>
    </message>
    <message>
        <source>%1 not delivered: %2</source>
        <translation>%1 nicht ausgeliefert: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Merge %1&lt;/b&gt;: its branches go to production, the release; once every rollout is ready they are merged into their upstream. The systems without a branch for %1 stay as they are.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 zusammenführen&lt;/b&gt;: Seine Branches gehen in die Produktion, das Release; sobald jeder Rollout bereit ist, werden sie in ihren Upstream zusammengeführt. Die Systeme ohne Branch für %1 bleiben, wie sie sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Deliver %1&lt;/b&gt;: its branches go to staging; once every rollout is ready they are merged into their upstream. The systems without a branch for %1 stay as they are.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 ausliefern&lt;/b&gt;: Seine Branches gehen nach Staging; sobald jeder Rollout bereit ist, werden sie in ihren Upstream zusammengeführt. Die Systeme ohne Branch für %1 bleiben, wie sie sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1: delivering into %2…</source>
        <translation>%1: Auslieferung in %2 …</translation>
    </message>
    <message>
        <source>%1: not delivered into %2.</source>
        <translation>%1: nicht in %2 ausgeliefert.</translation>
    </message>
    <message>
        <source>The ecosystem has no showroom environment.</source>
        <translation>Das Ökosystem hat keine Showroom-Umgebung.</translation>
    </message>
    <message>
        <source>Listing the showrooms of %1…</source>
        <translation>Showrooms von %1 werden aufgelistet …</translation>
    </message>
    <message>
        <source>Showrooms not listed: %1</source>
        <translation>Showrooms nicht aufgelistet: %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3/%4 pods ready, expires %5</source>
        <translation>%1 — %2, %3/%4 Pods bereit, läuft ab %5</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 has no showroom to tear down.</source>
        <translation>%1 hat keinen Showroom zum Entfernen.</translation>
    </message>
    <message>
        <source>Tear Down Showroom</source>
        <translation>Showroom entfernen</translation>
    </message>
    <message>
        <source>Showrooms of %1:</source>
        <translation>Showrooms von %1:</translation>
    </message>
    <message>
        <source>%1: a showroom is still coming up or going down; wait for it.</source>
        <translation>%1: Ein Showroom wird noch gestartet oder entfernt; warten Sie darauf.</translation>
    </message>
    <message>
        <source> (deployments: %1, pods: %2)</source>
        <translation> (Deployments: %1, Pods: %2)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shipyard will delete the namespace &lt;tt&gt;%1&lt;/tt&gt;%2 in context &lt;tt&gt;%3&lt;/tt&gt;: the showroom of &lt;b&gt;%4&lt;/b&gt; and everything in it. Its branches and the tracker are not touched.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Shipyard wird den Namespace &lt;tt&gt;%1&lt;/tt&gt;%2 im Kontext &lt;tt&gt;%3&lt;/tt&gt; löschen: den Showroom von &lt;b&gt;%4&lt;/b&gt; und alles darin. Seine Branches und der Tracker bleiben unberührt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tear down %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>&amp;Tear Down</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>%1: kept.</source>
        <translation>%1: beibehalten.</translation>
    </message>
    <message>
        <source>Tearing down %1…</source>
        <translation>%1 wird entfernt …</translation>
    </message>
    <message>
        <source>Showroom %1 of %2 torn down.</source>
        <translation>Showroom %1 von %2 entfernt.</translation>
    </message>
    <message>
        <source>Showroom of %1 not torn down: %2</source>
        <translation>Showroom von %1 nicht entfernt: %2</translation>
    </message>
    <message>
        <source>%1: forgetting its failed autotests…</source>
        <translation>%1: Fehlgeschlagene Autotests werden vergessen…</translation>
    </message>
    <message>
        <source>%1: the robot&apos;s next pass tests %2 again.</source>
        <translation>%1: Der nächste Durchlauf des Roboters testet %2 erneut.</translation>
    </message>
    <message>
        <source>Not forgotten: %1</source>
        <translation>Nicht vergessen: %1</translation>
    </message>
    <message>
        <source>Showroom %1 cancelled; what was applied is rolled back.</source>
        <translation>Showroom %1 abgebrochen; was angewendet wurde, wird zurückgerollt.</translation>
    </message>
    <message>
        <source>No longer waiting for the showroom&apos;s namespace to go…</source>
        <translation>Kein Warten mehr auf das Verschwinden des Showroom-Namespace…</translation>
    </message>
    <message>
        <source>Tearing down %1: %2</source>
        <translation>%1 wird abgebaut: %2</translation>
    </message>
    <message>
        <source>Showroom %1 of %2 is being deleted; Kubernetes goes on without Shipyard waiting.</source>
        <translation>Showroom %1 von %2 wird gelöscht; Kubernetes macht weiter, ohne dass Shipyard wartet.</translation>
    </message>
</context>
<context>
    <name>Shipyard::TaskBoardModel</name>
    <message>
        <source>No task</source>
        <translation>Keine Aufgabe</translation>
    </message>
    <message>
        <source>Status unknown</source>
        <translation>Status unbekannt</translation>
    </message>
    <message>
        <source>Branch %1 names no task</source>
        <translation>Branch %1 nennt keine Aufgabe</translation>
    </message>
    <message>
        <source>no tracker to look %1 up in</source>
        <translation>kein Tracker, in dem %1 nachgeschlagen werden kann</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 required approvals for %3</source>
        <translation>%1 von %2 erforderlichen Freigaben für %3</translation>
    </message>
    <message>
        <source>%1 passed its autotests at %2</source>
        <translation>%1 hat seine Autotests bei %2 bestanden</translation>
    </message>
    <message>
        <source>%1 failed its autotests at %2: %3: %4</source>
        <translation>%1 hat seine Autotests bei %2 nicht bestanden: %3: %4</translation>
    </message>
    <message>
        <source>%1 could not be tested at %2: %3</source>
        <translation>%1 konnte bei %2 nicht getestet werden: %3</translation>
    </message>
    <message>
        <source>%1 is being tested at %2 by %3</source>
        <translation>%1 wird bei %2 von %3 getestet</translation>
    </message>
</context>
<context>
    <name>Shipyard::TaskBoardView</name>
    <message>
        <source>Problems reading tasks</source>
        <translation>Probleme beim Lesen der Aufgaben</translation>
    </message>
    <message>
        <source>Select a card to see its gates and actions.</source>
        <translation>Wählen Sie eine Karte aus, um ihre Prüfungen und Aktionen zu sehen.</translation>
    </message>
    <message>
        <source>Gates of the selected task</source>
        <translation>Prüfungen der ausgewählten Aufgabe</translation>
    </message>
    <message>
        <source>Deliver to &amp;Showroom</source>
        <translation>In &amp;Showroom ausliefern</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>Ausl&amp;iefern</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Why actions are disabled</source>
        <translation>Warum Aktionen deaktiviert sind</translation>
    </message>
    <message>
        <source>Tasks in status %1</source>
        <translation>Aufgaben im Status %1</translation>
    </message>
    <message>
        <source>Not now: %1</source>
        <translation>Jetzt nicht: %1</translation>
    </message>
    <message>
        <source>&amp;Tear Down Showroom…</source>
        <translation>Showroom &amp;entfernen …</translation>
    </message>
    <message>
        <source>Tear down the task&apos;s showroom</source>
        <translation>Den Showroom der Aufgabe entfernen</translation>
    </message>
    <message>
        <source>Filter: task, title, assignee, branch…</source>
        <translation>Filter: Aufgabe, Titel, Bearbeiter, Branch …</translation>
    </message>
    <message>
        <source>Filter the task cards</source>
        <translation>Die Aufgabenkarten filtern</translation>
    </message>
    <message>
        <source>Test &amp;Again</source>
        <translation>Erneut &amp;testen</translation>
    </message>
    <message>
        <source>Test the task&apos;s branches again</source>
        <translation>Die Branches der Aufgabe erneut testen</translation>
    </message>
    <message>
        <source>Forget the failed verdicts of the branches&apos; heads: the robot&apos;s next pass tests them again (as shipyardctl autotest retry does)</source>
        <translation>Die fehlgeschlagenen Urteile der Head-Commits der Branches vergessen: Der nächste Durchlauf des Roboters testet sie erneut (wie shipyardctl autotest retry)</translation>
    </message>
</context>
<context>
    <name>Shipyard::TaskCardDelegate</name>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>update</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>integrates</source>
        <translation>integriert</translation>
    </message>
    <message>
        <source>reviews %1/%2</source>
        <translation>Reviews %1/%2</translation>
    </message>
    <message>
        <source>✔ mergeable</source>
        <translation>✔ zusammenführbar</translation>
    </message>
    <message>
        <source>✘ not mergeable</source>
        <translation>✘ nicht zusammenführbar</translation>
    </message>
    <message>
        <source>tests</source>
        <translation>Tests</translation>
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
    <message>
        <source>Read only this kubeconfig file (default: the files kubectl reads).</source>
        <translation>Nur diese kubeconfig-Datei lesen (Standard: die Dateien, die kubectl liest).</translation>
    </message>
    <message>
        <source>the Shipyard window has no terminal to ask in: log in with kubectl in a terminal first (if the plugin keeps its login), or use shipyardctl there</source>
        <translation>Das Shipyard-Fenster hat kein Terminal, in dem gefragt werden kann: Melden Sie sich zuerst in einem Terminal mit kubectl an (falls das Plugin die Anmeldung behält), oder verwenden Sie dort shipyardctl</translation>
    </message>
    <message>
        <source>The environment the Pipeline view shows.</source>
        <translation>Die Umgebung, die die Pipeline-Ansicht zeigt.</translation>
    </message>
    <message>
        <source>Open the Cluster view on the System log of this deployment.</source>
        <translation>Die Cluster-Ansicht mit dem System-Log dieses Deployments öffnen.</translation>
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
        <source>shipyardctl: unknown command &apos;%1&apos;
</source>
        <translation>shipyardctl: unbekannter Befehl „%1“
</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>nur diese kubeconfig-Datei lesen</translation>
    </message>
    <message>
        <source>the kubeconfig context to use</source>
        <translation>der zu verwendende kubeconfig-Kontext</translation>
    </message>
    <message>
        <source>the namespace (default: the context&apos;s)</source>
        <translation>der Namespace (Standard: der des Kontexts)</translation>
    </message>
    <message>
        <source>
Exit codes: 0 success, 1 the command failed or the answer is no (a check found problems, a permission is missing, the lock is taken), 2 usage error (bad arguments, missing file);
diff, like diff(1): 0 no drift, 1 drift, 2 could not compare.
Every command takes --output text (the default) or --output json: with json, stdout is exactly
one JSON document (logs --follow: one object per line) and progress goes to stderr.
Run &apos;shipyardctl COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>
Exit-Codes: 0 Erfolg, 1 der Befehl schlug fehl oder die Antwort ist nein (eine Prüfung fand Probleme, eine Berechtigung fehlt, die Sperre ist belegt), 2 Aufruffehler (falsche Argumente, fehlende Datei);
diff, wie diff(1): 0 keine Drift, 1 Drift, 2 Vergleich nicht möglich.
Jeder Befehl akzeptiert --output text (Standard) oder --output json: Mit json ist stdout genau
ein JSON-Dokument (logs --follow: ein Objekt pro Zeile) und der Fortschritt geht nach stderr.
&apos;shipyardctl BEFEHL --help&apos; zeigt die Optionen eines Befehls.
</translation>
    </message>
</context>
</TS>
