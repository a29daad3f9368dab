<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>KubeError</name>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>No cluster connection</source>
        <translation>Нет подключения к кластеру</translation>
    </message>
    <message>
        <source>The server does not offer aggregated discovery (Kubernetes 1.30 or newer needed)</source>
        <translation>Сервер не поддерживает агрегированное обнаружение (aggregated discovery); нужен Kubernetes 1.30 или новее</translation>
    </message>
    <message>
        <source> in namespace &quot;%1&quot;</source>
        <translation> в пространстве имён «%1»</translation>
    </message>
    <message>
        <source>Unauthorized: the server did not accept the credentials (token expired or revoked, or a client certificate it does not trust)</source>
        <translation>Не авторизовано: сервер не принял учётные данные (токен истёк или отозван либо клиентскому сертификату сервер не доверяет)</translation>
    </message>
    <message>
        <source>you</source>
        <translation>вас</translation>
    </message>
    <message>
        <source>Forbidden: %1 may not %2 %3</source>
        <translation>Запрещено: для %1 не разрешено %2 %3</translation>
    </message>
    <message>
        <source>Not found: the server does not serve %1</source>
        <translation>Не найдено: сервер не предоставляет %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Не найдено: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Conflict: applying %1 would take fields that other managers own: %2. Apply with force to take them over.</source>
        <translation>Конфликт: применение %1 заберёт поля, которыми владеют другие менеджеры: %2. Примените с force, чтобы забрать их.</translation>
    </message>
    <message>
        <source>Already exists: %1</source>
        <translation>Уже существует: %1</translation>
    </message>
    <message>
        <source>Conflict: %1 changed since it was read (%2)</source>
        <translation>Конфликт: %1 изменился после чтения (%2)</translation>
    </message>
    <message>
        <source>Expired: the resource version is too old, the list must start again (%1)</source>
        <translation>Устарело: версия ресурса слишком старая, список нужно начать заново (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Invalid: %1: %2</source>
        <translation>Некорректно: %1: %2</translation>
    </message>
    <message>
        <source>Too many requests: the server asks to slow down (%1)</source>
        <translation>Слишком много запросов: сервер просит снизить частоту (%1)</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 for %2 %3</source>
        <translation>Сервер ответил HTTP %1 на %2 %3</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Timed out talking to %1 (%2)</source>
        <translation>Истекло время ожидания ответа от %1 (%2)</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not valid for the name &quot;%1&quot; (%2). Use an address the certificate names, or set tls-server-name in the kubeconfig.</source>
        <translation>TLS: сертификат сервера недействителен для имени «%1» (%2). Используйте адрес, указанный в сертификате, или задайте tls-server-name в kubeconfig.</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is outside its validity period (%1). Check the clock, or renew the certificate.</source>
        <translation>TLS: срок действия сертификата сервера не наступил или истёк (%1). Проверьте часы или обновите сертификат.</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is not signed by the certificate authority the kubeconfig trusts (certificate-authority / certificate-authority-data) (%1)</source>
        <translation>TLS: сертификат сервера не подписан центром сертификации, которому доверяет kubeconfig (certificate-authority / certificate-authority-data) (%1)</translation>
    </message>
    <message>
        <source>TLS: the client certificate or key of the kubeconfig user cannot be used (%1)</source>
        <translation>TLS: клиентский сертификат или ключ пользователя из kubeconfig нельзя использовать (%1)</translation>
    </message>
    <message>
        <source>TLS: the certificate authority of the kubeconfig cannot be read (%1)</source>
        <translation>TLS: не удаётся прочитать центр сертификации из kubeconfig (%1)</translation>
    </message>
    <message>
        <source>TLS: the server refused the client certificate (%1)</source>
        <translation>TLS: сервер отклонил клиентский сертификат (%1)</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed (%2)</source>
        <translation>Не удалось установить TLS-соединение с %1 (%2)</translation>
    </message>
    <message>
        <source>Cannot resolve the server name of %1 (%2)</source>
        <translation>Не удаётся разрешить имя сервера %1 (%2)</translation>
    </message>
    <message>
        <source>The proxy for %1 failed (%2)</source>
        <translation>Ошибка прокси для %1 (%2)</translation>
    </message>
    <message>
        <source>Cannot connect to %1: is the cluster running? (%2)</source>
        <translation>Не удаётся подключиться к %1: кластер запущен? (%2)</translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation>Ошибка подключения к %1: %2</translation>
    </message>
    <message>
        <source>An event of the watch of %1 exceeded %2 without a line end: stopped reading</source>
        <translation>Событие наблюдения (watch) за %1 превысило %2 без конца строки: чтение прекращено</translation>
    </message>
    <message>
        <source>A line of the log at %1 exceeded %2 without a line end: stopped reading</source>
        <translation>Строка журнала %1 превысила %2 без конца строки: чтение прекращено</translation>
    </message>
    <message>
        <source>The answer of %1 exceeded %2: stopped reading</source>
        <translation>Ответ на %1 превысил %2: чтение прекращено</translation>
    </message>
    <message>
        <source>The error answer (HTTP %1) of %2 exceeded %3: stopped reading</source>
        <translation>Ответ с ошибкой (HTTP %1) на %2 превысил %3: чтение прекращено</translation>
    </message>
    <message>
        <source>The server did not begin to answer %1 within %2 s: stopped waiting</source>
        <translation>Сервер не начал отвечать на %1 за %2 с: ожидание прекращено</translation>
    </message>
    <message>
        <source>The server sent nothing for %1 s on %2: stopped waiting</source>
        <translation>Сервер %1 с ничего не присылал в ответ на %2: ожидание прекращено</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2, a redirect to &quot;%3&quot;: Shipyard follows no redirects from a cluster (is the server address of the kubeconfig its API server?)</source>
        <translation>%1 ответил HTTP %2 (перенаправление на «%3»): Shipyard не следует перенаправлениям от кластера (адрес сервера в kubeconfig — точно его API-сервер?)</translation>
    </message>
    <message>
        <source>The answer of %1 is not JSON: it begins with &quot;%2&quot;</source>
        <translation>Ответ на %1 — не JSON: он начинается с «%2»</translation>
    </message>
    <message>
        <source>The server address %1 is not http or https, the only protocols Shipyard speaks to a cluster (%2)</source>
        <translation>Адрес сервера %1 — не http и не https, а только по этим протоколам Shipyard общается с кластером (%2)</translation>
    </message>
    <message>
        <source>An event of the watch of %1 is not JSON: %2 at byte %3</source>
        <translation>Событие наблюдения (watch) за %1 — не JSON: %2 в байте %3</translation>
    </message>
    <message>
        <source>An event of the watch of %1 has no type</source>
        <translation>У события наблюдения (watch) за %1 нет типа</translation>
    </message>
    <message>
        <source>The answer of %1 is not JSON: %2 at byte %3</source>
        <translation>Ответ на %1 — не JSON: %2 в байте %3</translation>
    </message>
    <message>
        <source>The connection to %1 was dropped during the TLS handshake (%2)</source>
        <translation>Соединение с %1 оборвалось во время TLS-рукопожатия (%2)</translation>
    </message>
</context>
<context>
    <name>Shipyard::AlertmanagerClient</name>
    <message>
        <source>invalid Alertmanager URL: %1</source>
        <translation>некорректный URL Alertmanager: %1</translation>
    </message>
    <message>
        <source>query to Alertmanager cancelled</source>
        <translation>запрос к Alertmanager отменён</translation>
    </message>
    <message>
        <source>Alertmanager sent more than %1 MiB</source>
        <translation>Alertmanager прислал больше %1 МиБ</translation>
    </message>
    <message>
        <source>Alertmanager unreachable: %1 (%2)</source>
        <translation>Alertmanager недоступен: %1 (%2)</translation>
    </message>
    <message>
        <source>Alertmanager answered HTTP %1: %2</source>
        <translation>Alertmanager ответил HTTP %1: %2</translation>
    </message>
    <message>
        <source>Alertmanager sent an answer that is not a list of alerts</source>
        <translation>Alertmanager прислал ответ, который не является списком оповещений</translation>
    </message>
    <message>
        <source>Alertmanager sent an alert without labels</source>
        <translation>Alertmanager прислал оповещение без меток</translation>
    </message>
    <message>
        <source>no credentials for Alertmanager: %1</source>
        <translation>нет учётных данных для Alertmanager: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::ApplyDiffView</name>
    <message>
        <source>&amp;Compare Again</source>
        <translation>Сравнить с&amp;нова</translation>
    </message>
    <message>
        <source>Drift of the selected object</source>
        <translation>Расхождения выбранного объекта</translation>
    </message>
    <message>
        <source>Compare the live objects with what a delivery would apply again</source>
        <translation>Снова сравнить объекты в кластере с тем, что применила бы поставка</translation>
    </message>
    <message>
        <source>Ask the cluster again what a delivery of this system would change</source>
        <translation>Снова спросить у кластера, что изменила бы поставка этой системы</translation>
    </message>
    <message>
        <source>Differences between the live objects and what a delivery would apply</source>
        <translation>Различия между объектами в кластере и тем, что применила бы поставка</translation>
    </message>
    <message>
        <source>Open this tab to compare %1/%2 with what a delivery would apply.</source>
        <translation>Откройте эту вкладку, чтобы сравнить %1/%2 с тем, что применила бы поставка.</translation>
    </message>
    <message>
        <source>Select a deployment, replica set or pod of a system to see its drift.</source>
        <translation>Выберите Deployment, ReplicaSet или под системы, чтобы увидеть его расхождения.</translation>
    </message>
    <message>
        <source>Asking the cluster what a delivery would change…</source>
        <translation>Запрос к кластеру: что изменила бы поставка…</translation>
    </message>
    <message>
        <source>Not managed by Shipyard: namespace %1 of context %2 is no environment of the ecosystem.</source>
        <translation>Не управляется Shipyard: пространство имён %1 контекста %2 не является окружением экосистемы.</translation>
    </message>
    <message>
        <source>Not managed by Shipyard: no system&apos;s manifests hold %1.</source>
        <translation>Не управляется Shipyard: %1 нет в манифестах ни одной системы.</translation>
    </message>
    <message>
        <source>Not managed by Shipyard here: %1 is not delivered to %2.</source>
        <translation>Здесь не управляется Shipyard: %1 не поставляется в %2.</translation>
    </message>
    <message>
        <source>Cannot compare %1: %2</source>
        <translation>Не удаётся сравнить %1: %2</translation>
    </message>
    <message>
        <source># %1: no drift</source>
        <translation># %1: нет расхождений</translation>
    </message>
    <message>
        <source># %1: changed: %2</source>
        <translation># %1: изменено: %2</translation>
    </message>
    <message>
        <source># %1: not live, a delivery would create it</source>
        <translation># %1: нет в кластере, поставка создала бы его</translation>
    </message>
    <message>
        <source># %1: live but in no manifest; a delivery leaves it</source>
        <translation># %1: есть в кластере, но нет ни в одном манифесте; поставка его не трогает</translation>
    </message>
    <message>
        <source># %1: %2</source>
        <translation># %1: %2</translation>
    </message>
    <message>
        <source># %1: set outside Shipyard, a delivery keeps it: %2</source>
        <translation># %1: задано вне Shipyard, поставка его сохранит: %2</translation>
    </message>
    <message>
        <source># warning: %1</source>
        <translation># предупреждение: %1</translation>
    </message>
    <message>
        <source>%1 in %2, image %3</source>
        <translation>%1 в %2, образ %3</translation>
    </message>
    <message>
        <source>The cluster refused the dry run: %1</source>
        <translation>Кластер отклонил пробное применение (dry run): %1</translation>
    </message>
    <message>
        <source>No drift: %1 is live as a delivery would apply it.</source>
        <translation>Расхождений нет: %1 — в кластере ровно то, что применила бы поставка.</translation>
    </message>
    <message>
        <source>Drift: %1 of %2 objects of %3 differ from what a delivery would apply: %4.</source>
        <translation>Расхождения: %1 из %2 объектов (%3) отличаются от того, что применила бы поставка: %4.</translation>
    </message>
</context>
<context>
    <name>Shipyard::AuditJournal</name>
    <message>
        <source>cannot create the audit journal&apos;s directory %1</source>
        <translation>не удаётся создать каталог журнала аудита %1</translation>
    </message>
    <message>
        <source>cannot open the audit journal %1: %2</source>
        <translation>не удаётся открыть журнал аудита %1: %2</translation>
    </message>
    <message>
        <source>cannot write to the audit journal %1: %2</source>
        <translation>не удаётся записать в журнал аудита %1: %2</translation>
    </message>
    <message>
        <source>cannot sync the audit journal %1: %2</source>
        <translation>не удаётся синхронизировать журнал аудита %1: %2</translation>
    </message>
    <message>
        <source>cannot read the audit journal %1: %2</source>
        <translation>не удаётся прочитать журнал аудита %1: %2</translation>
    </message>
    <message>
        <source>cannot rotate the audit journal %1 to %2: %3</source>
        <translation>не удаётся выполнить ротацию журнала аудита %1 в %2: %3</translation>
    </message>
    <message>
        <source>cannot rotate the audit journal %1: %2</source>
        <translation>не удаётся выполнить ротацию журнала аудита %1: %2</translation>
    </message>
    <message>
        <source>the audit journal %1 can be read by others (mode %2) and cannot be made private: %3; run chmod 600 %1</source>
        <translation>журнал аудита %1 доступен для чтения другим (режим %2), и его не удаётся сделать закрытым: %3; выполните chmod 600 %1</translation>
    </message>
    <message>
        <source>cannot append to the audit journal %1: other processes kept rotating it</source>
        <translation>не удаётся дописать в журнал аудита %1: другие процессы раз за разом выполняли его ротацию</translation>
    </message>
</context>
<context>
    <name>Shipyard::AuditTrail</name>
    <message>
        <source>no cluster to ask who the user is</source>
        <translation>нет кластера, у которого можно узнать пользователя</translation>
    </message>
    <message>
        <source>SelfSubjectReview on %1: %2</source>
        <translation>SelfSubjectReview в %1: %2</translation>
    </message>
    <message>
        <source>no username in the answer</source>
        <translation>в ответе нет имени пользователя</translation>
    </message>
    <message>
        <source>(unknown to the cluster)</source>
        <translation>(неизвестен кластеру)</translation>
    </message>
    <message>
        <source> (OS user %1)</source>
        <translation> (пользователь ОС %1)</translation>
    </message>
    <message>
        <source>%1: %2 in %3</source>
        <translation>%1: %2 в %3</translation>
    </message>
    <message>
        <source>, release %1</source>
        <translation>, релиз %1</translation>
    </message>
    <message>
        <source> (environment %1)</source>
        <translation> (окружение %1)</translation>
    </message>
    <message>
        <source>; reason: %1</source>
        <translation>; причина: %1</translation>
    </message>
    <message>
        <source>no Event for %1: the record names no namespace</source>
        <translation>нет Event для %1: в записи не указано пространство имён</translation>
    </message>
    <message>
        <source>no Event for %1 in %2: %3</source>
        <translation>нет Event для %1 в %2: %3</translation>
    </message>
    <message>
        <source>no cluster</source>
        <translation>нет кластера</translation>
    </message>
    <message>
        <source>the Event for %1 in namespace %2 was not created: %3</source>
        <translation>Event для %1 в пространстве имён %2 не создан: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::BranchGateScan</name>
    <message>
        <source>%1 is a remote repository; Shipyard reads branches from a local clone</source>
        <translation>%1 — удалённый репозиторий; Shipyard читает ветки из локального клона</translation>
    </message>
</context>
<context>
    <name>Shipyard::CanaryDecisionBar</name>
    <message>
        <source>Canary waiting for a decision</source>
        <translation>canary ждёт решения</translation>
    </message>
    <message>
        <source>&amp;Promote Canary…</source>
        <translation>&amp;Продвинуть canary…</translation>
    </message>
    <message>
        <source>Promote the canary waiting for a decision</source>
        <translation>Продвинуть canary, ждущий решения</translation>
    </message>
    <message>
        <source>Skips the remaining steps: the new version replaces the old one.</source>
        <translation>Пропускает оставшиеся шаги: новая версия заменяет старую.</translation>
    </message>
    <message>
        <source>A&amp;bort Canary…</source>
        <translation>П&amp;рервать canary…</translation>
    </message>
    <message>
        <source>Abort the canary waiting for a decision</source>
        <translation>Прервать canary, ждущий решения</translation>
    </message>
    <message>
        <source>Removes the canary; the delivery is rolled back.</source>
        <translation>Удаляет canary; поставка откатывается.</translation>
    </message>
    <message>
        <source>The canaries could not be read: %1</source>
        <translation>Не удалось прочитать canary: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&apos;s canary waits for a decision&lt;/b&gt; at step %2 of %3 (%4 %): %5</source>
        <translation>&lt;b&gt;canary системы %1 ждёт решения&lt;/b&gt; на шаге %2 из %3 (%4 %): %5</translation>
    </message>
    <message>
        <source>&lt;p&gt;Promote &lt;b&gt;%1&lt;/b&gt;&apos;s canary in &lt;b&gt;%2&lt;/b&gt; now, at step %3 of %4 (%5 %)?&lt;/p&gt;&lt;p&gt;The remaining steps are skipped: the new version replaces the old one for everyone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Продвинуть canary системы &lt;b&gt;%1&lt;/b&gt; в &lt;b&gt;%2&lt;/b&gt; сейчас, на шаге %3 из %4 (%5 %)?&lt;/p&gt;&lt;p&gt;Оставшиеся шаги пропускаются: новая версия заменяет старую для всех.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Abort &lt;b&gt;%1&lt;/b&gt;&apos;s canary in &lt;b&gt;%2&lt;/b&gt; at step %3 of %4 (%5 %)?&lt;/p&gt;&lt;p&gt;The canary is removed and the delivery rolled back; the old version keeps serving.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Прервать canary системы &lt;b&gt;%1&lt;/b&gt; в &lt;b&gt;%2&lt;/b&gt; на шаге %3 из %4 (%5 %)?&lt;/p&gt;&lt;p&gt;canary удаляется, поставка откатывается; старая версия продолжает работать.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Promote canary in %1</source>
        <translation>Продвинуть canary в %1</translation>
    </message>
    <message>
        <source>Abort canary in %1</source>
        <translation>Прервать canary в %1</translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation>&amp;Продвинуть</translation>
    </message>
    <message>
        <source>A&amp;bort</source>
        <translation>П&amp;рервать</translation>
    </message>
    <message>
        <source>%1&apos;s canary: %2 requested; the delivery acts on it at its next check</source>
        <translation>canary системы %1: запрошено «%2»; поставка выполнит это при следующей проверке</translation>
    </message>
    <message>
        <source>%1&apos;s canary: %2 failed: %3</source>
        <translation>canary системы %1: «%2» не удалось: %3</translation>
    </message>
    <message>
        <source>(audit: %1)</source>
        <translation>(аудит: %1)</translation>
    </message>
</context>
<context>
    <name>Shipyard::CanaryStepsView</name>
    <message>
        <source>Canary steps</source>
        <translation>Шаги canary</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>%1 new · %2</source>
        <translation>новых: %1 · %2</translation>
    </message>
    <message>
        <source>%1 new / %2 old · %3</source>
        <translation>новых: %1 / старых: %2 · %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::ClusterTreeModel</name>
    <message>
        <source>context</source>
        <translation>контекст</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>пространство имён</translation>
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
        <translation>под</translation>
    </message>
    <message>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Сбой</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Доступен</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>Выкатывается</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>ревизия %1</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Завершается</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Подключён</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1 в %2: %3</translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation>все пространства имён</translation>
    </message>
    <message>
        <source>namespace %1</source>
        <translation>пространство имён %1</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Недоступен</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Перезапуски</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
</context>
<context>
    <name>Shipyard::ClusterView</name>
    <message>
        <source>Filter by name…</source>
        <translation>Фильтр по имени…</translation>
    </message>
    <message>
        <source>Filter the cluster tree by name</source>
        <translation>Фильтровать дерево кластера по имени</translation>
    </message>
    <message>
        <source>&amp;Old replica sets</source>
        <translation>&amp;Старые ReplicaSet</translation>
    </message>
    <message>
        <source>Show replica sets scaled to zero</source>
        <translation>Показывать ReplicaSet, масштабированные до нуля</translation>
    </message>
    <message>
        <source>Show the replica sets of earlier revisions, kept for rollbacks</source>
        <translation>Показывать ReplicaSet прежних ревизий, сохраняемые для откатов</translation>
    </message>
    <message>
        <source>Cluster objects</source>
        <translation>Объекты кластера</translation>
    </message>
    <message>
        <source>Select an object to see its events, YAML and log.</source>
        <translation>Выберите объект, чтобы увидеть его события, YAML и журнал.</translation>
    </message>
    <message>
        <source>Selected object</source>
        <translation>Выбранный объект</translation>
    </message>
    <message>
        <source>Events of the selected object</source>
        <translation>События выбранного объекта</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>YAML of the selected object</source>
        <translation>YAML выбранного объекта</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Выкатка</translation>
    </message>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>Не удаётся прочитать события: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Select a deployment, replica set or pod to see its events, YAML and log.</source>
        <translation>Выберите Deployment, ReplicaSet или под, чтобы увидеть его события, YAML и журнал.</translation>
    </message>
    <message>
        <source>%1 %2 in namespace %3 (context %4)</source>
        <translation>%1 %2 в пространстве имён %3 (контекст %4)</translation>
    </message>
    <message>
        <source>Drift of the selected object from what a delivery would apply</source>
        <translation>Расхождения выбранного объекта с тем, что применила бы поставка</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Расхождения</translation>
    </message>
    <message>
        <source>System log</source>
        <translation>Журнал системы</translation>
    </message>
    <message>
        <source>Every pod of the deployment, each container, merged by time and followed</source>
        <translation>Все поды Deployment и каждый их контейнер, объединённые по времени и отслеживаемые</translation>
    </message>
</context>
<context>
    <name>Shipyard::CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation>Палитра команд</translation>
    </message>
    <message>
        <source>Type to find an action…</source>
        <translation>Начните вводить название действия…</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Фильтр действий</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
</context>
<context>
    <name>Shipyard::CommandRunner</name>
    <message>
        <source>“%1” exited with status %2</source>
        <translation>«%1» завершилась с кодом %2</translation>
    </message>
    <message>
        <source>“%1” was killed by signal %2</source>
        <translation>«%1» убита сигналом %2</translation>
    </message>
    <message>
        <source>“%1” timed out after %2</source>
        <translation>«%1»: время ожидания истекло через %2</translation>
    </message>
    <message>
        <source>“%1” was cancelled</source>
        <translation>«%1» отменена</translation>
    </message>
    <message>
        <source>“%1” could not be started: %2</source>
        <translation>Не удалось запустить «%1»: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::CompareDialog</name>
    <message>
        <source>Compare Environments</source>
        <translation>Сравнение окружений</translation>
    </message>
    <message>
        <source>Environment whose changes are listed</source>
        <translation>Окружение, изменения которого перечисляются</translation>
    </message>
    <message>
        <source>Environment it is compared with</source>
        <translation>Окружение, с которым сравнивается</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Что работает в</translation>
    </message>
    <message>
        <source>runs and &amp;not</source>
        <translation>и &amp;не в</translation>
    </message>
    <message>
        <source>Commits and tasks per system</source>
        <translation>Коммиты и задачи по системам</translation>
    </message>
    <message>
        <source>&amp;Copy Release Notes</source>
        <translation>&amp;Копировать заметки к релизу</translation>
    </message>
    <message>
        <source>Reading the history of %1 and %2…</source>
        <translation>Чтение истории %1 и %2…</translation>
    </message>
    <message>
        <source>No task runs in %1 and not in %2.</source>
        <translation>Нет задач, которые работают в %1 и не в %2.</translation>
    </message>
    <message>
        <source>Tasks in %1, not in %2: %3</source>
        <translation>Задачи в %1, которых нет в %2: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::ConfirmationDialog</name>
    <message>
        <source>What will happen</source>
        <translation>Что произойдёт</translation>
    </message>
    <message>
        <source>%1 is protected. Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>%1 защищено. Для подтверждения введите &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <source>Name of the environment, typed to confirm</source>
        <translation>Имя окружения, введённое для подтверждения</translation>
    </message>
    <message>
        <source>Reason, kept in the audit journal</source>
        <translation>Причина, сохраняется в журнале аудита</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::AuthCommand</name>
    <message>
        <source>can-i VERB RESOURCE, or whoami, like kubectl auth</source>
        <translation>can-i VERB RESOURCE или whoami, как kubectl auth</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text или json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>can-i: in every namespace</source>
        <translation>can-i: во всех пространствах имён</translation>
    </message>
    <message>
        <source>can-i: only the exit code</source>
        <translation>can-i: только код выхода</translation>
    </message>
    <message>
        <source>what to ask</source>
        <translation>что спросить</translation>
    </message>
    <message>
        <source>usage: auth can-i VERB RESOURCE[/NAME] [-n NS] | auth whoami</source>
        <translation>использование: auth can-i VERB RESOURCE[/NAME] [-n NS] | auth whoami</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>неизвестный формат вывода «%1» (text или json)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <source>ATTRIBUTE</source>
        <translation>АТРИБУТ</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>ЗНАЧЕНИЕ</translation>
    </message>
    <message>
        <source>can-i needs VERB and RESOURCE</source>
        <translation>для can-i нужны VERB и RESOURCE</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::AutotestCommand</name>
    <message>
        <source>the ecosystem file</source>
        <translation>файл экосистемы</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text или json</translation>
    </message>
    <message>
        <source>only this system&apos;s commits</source>
        <translation>только коммиты этой системы</translation>
    </message>
    <message>
        <source>one pass, then exit: 1 when a commit failed or could not be tested</source>
        <translation>один проход и выход: 1, если коммит не прошёл или его не удалось протестировать</translation>
    </message>
    <message>
        <source>seconds between passes (default 60)</source>
        <translation>секунд между проходами (по умолчанию 60)</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output — это text или json, а не %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: файл не найден</translation>
    </message>
    <message>
        <source>--interval wants a number of seconds, not %1</source>
        <translation>--interval ожидает число секунд, а не %1</translation>
    </message>
    <message>
        <source>%1 has no system %2</source>
        <translation>в %1 нет системы %2</translation>
    </message>
    <message>
        <source>no commit tested yet (%1)</source>
        <translation>ещё ни один коммит не протестирован (%1)</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>СИСТЕМА</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>КОММИТ</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>ВЕРДИКТ</translation>
    </message>
    <message>
        <source>BRANCHES</source>
        <translation>ВЕТКИ</translation>
    </message>
    <message>
        <source>FINISHED</source>
        <translation>ЗАВЕРШЁН</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>ПРИЧИНА</translation>
    </message>
    <message>
        <source>no new head of a task branch</source>
        <translation>нет нового головного коммита ветки задачи</translation>
    </message>
    <message>
        <source>tests new heads of task branches and reports them; &apos;autotest results&apos; lists the verdicts, &apos;autotest retry&apos; has one tested again</source>
        <translation>тестирует новые головные коммиты веток задач и сообщает о них; &apos;autotest results&apos; выводит вердикты, &apos;autotest retry&apos; запускает тест снова</translation>
    </message>
    <message>
        <source>usage: shipyardctl autotest --ecosystem PATH [--once] [--interval SECONDS] [--output json]
       shipyardctl autotest results --ecosystem PATH [--system S] [--output json]
       shipyardctl autotest retry --ecosystem PATH --system S COMMIT</source>
        <translation>использование: shipyardctl autotest --ecosystem PATH [--once] [--interval SECONDS] [--output json]
               shipyardctl autotest results --ecosystem PATH [--system S] [--output json]
               shipyardctl autotest retry --ecosystem PATH --system S COMMIT</translation>
    </message>
    <message>
        <source>%1 at %2 (%3) will be tested again by the next pass</source>
        <translation>%1 на %2 (%3) будет протестирован снова при следующем проходе</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::CanaryCommand</name>
    <message>
        <source>a running canary: canary status|promote|abort [SYSTEM] --environment ENV</source>
        <translation>работающий canary: canary status|promote|abort [SYSTEM] --environment ENV</translation>
    </message>
    <message>
        <source>the environment the canary runs in</source>
        <translation>окружение, в котором работает canary</translation>
    </message>
    <message>
        <source>status, promote or abort</source>
        <translation>status, promote или abort</translation>
    </message>
    <message>
        <source>the system whose canary it is (status: all)</source>
        <translation>система, которой принадлежит canary (status: все)</translation>
    </message>
    <message>
        <source>status, promote or abort, then the system</source>
        <translation>status, promote или abort, затем система</translation>
    </message>
    <message>
        <source>%1 which system&apos;s canary?</source>
        <translation>%1: canary какой системы?</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>нет системы с именем %1</translation>
    </message>
    <message>
        <source>promote a canary there</source>
        <translation>выполнить там promote для canary</translation>
    </message>
    <message>
        <source>no canary runs in %1</source>
        <translation>в %1 не работает ни один canary</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>удерживается</translation>
    </message>
    <message>
        <source>%1 by %2, not acted on yet</source>
        <translation>%1 (запросил %2), ещё не выполнено</translation>
    </message>
    <message>
        <source>%1/%2 (%3 %)</source>
        <translation>%1/%2 (%3 %)</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>СИСТЕМА</translation>
    </message>
    <message>
        <source>DEPLOYMENT</source>
        <translation>DEPLOYMENT</translation>
    </message>
    <message>
        <source>STEP</source>
        <translation>ШАГ</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>СОСТОЯНИЕ</translation>
    </message>
    <message>
        <source>warning: audit: %1</source>
        <translation>предупреждение: аудит: %1</translation>
    </message>
    <message>
        <source>%1&apos;s canary (step %2 of %3, %4 %): %5 requested; the delivery acts on it at its next check</source>
        <translation>canary системы %1 (шаг %2 из %3, %4 %): запрошено %5; поставка выполнит это при следующей проверке</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::CompareCommand</name>
    <message>
        <source>what one environment runs that another does not: commits and tasks per system (exit 1 if they differ)</source>
        <translation>что работает в одном окружении и не работает в другом: коммиты и задачи по системам (код выхода 1, если они различаются)</translation>
    </message>
    <message>
        <source>the environment whose changes are listed</source>
        <translation>окружение, изменения которого перечисляются</translation>
    </message>
    <message>
        <source>the environment it is compared with</source>
        <translation>окружение, с которым сравнивается</translation>
    </message>
    <message>
        <source>the environment whose changes are listed (or FROM)</source>
        <translation>окружение, изменения которого перечисляются (или FROM)</translation>
    </message>
    <message>
        <source>two environments are needed: FROM TO</source>
        <translation>нужны два окружения: FROM TO</translation>
    </message>
    <message>
        <source>no environment named %1</source>
        <translation>нет окружения с именем %1</translation>
    </message>
    <message>
        <source>%1 compared with %2</source>
        <translation>%1 в сравнении с %2</translation>
    </message>
    <message>
        <source>%1: the same commit %2</source>
        <translation>%1: тот же коммит %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>tasks in %1, not in %2: %3</source>
        <translation>задачи в %1, которых нет в %2: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ContextsCommand</name>
    <message>
        <source>list the kubeconfig contexts, merged as kubectl does</source>
        <translation>показать контексты kubeconfig, объединённые так же, как в kubectl</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>читать только этот файл kubeconfig</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>output format: text or json</source>
        <translation>формат вывода: text или json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos;</source>
        <translation>неизвестный формат вывода «%1»</translation>
    </message>
    <message>
        <source>unexpected arguments</source>
        <translation>неожиданные аргументы</translation>
    </message>
    <message>
        <source>warning: %1 does not exist</source>
        <translation>предупреждение: %1 не существует</translation>
    </message>
    <message>
        <source>CURRENT</source>
        <translation>ТЕКУЩИЙ</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>CLUSTER</source>
        <translation>КЛАСТЕР</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>СЕРВЕР</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>ПОЛЬЗОВАТЕЛЬ</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>ПРОСТРАНСТВО ИМЁН</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::DeliverCommand</name>
    <message>
        <source>deliver systems into an environment, rolling back on failure</source>
        <translation>поставить системы в окружение с откатом при сбое</translation>
    </message>
    <message>
        <source>the environment to deliver into</source>
        <translation>окружение, в которое выполняется поставка</translation>
    </message>
    <message>
        <source>a system to deliver, with its feature branch (default: its upstream); repeatable</source>
        <translation>система для поставки с её функциональной веткой (по умолчанию: её upstream); можно повторять</translation>
    </message>
    <message>
        <source>deliver this image instead of building one; repeatable</source>
        <translation>поставить этот образ вместо сборки; можно повторять</translation>
    </message>
    <message>
        <source>wait while another delivery holds the environment</source>
        <translation>ждать, пока окружение занято другой поставкой</translation>
    </message>
    <message>
        <source>do not run the systems&apos; test commands</source>
        <translation>не запускать тестовые команды систем</translation>
    </message>
    <message>
        <source>--ecosystem, --environment and at least one --system are needed</source>
        <translation>нужны --ecosystem, --environment и хотя бы один --system</translation>
    </message>
    <message>
        <source>--image wants SYSTEM=REFERENCE, not %1</source>
        <translation>--image ожидает SYSTEM=REFERENCE, а не %1</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>нет системы с именем %1</translation>
    </message>
    <message>
        <source>--image for a system not delivered: %1</source>
        <translation>--image для системы, которая не поставляется: %1</translation>
    </message>
    <message>
        <source>delivery %1</source>
        <translation>поставка: %1</translation>
    </message>
    <message>
        <source>, release %1</source>
        <translation>, релиз %1</translation>
    </message>
    <message>
        <source> in %1 s</source>
        <translation> за %1 с</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>deliver even when a branch fails the ecosystem&apos;s gates (reviews, task status); audited</source>
        <translation>выполнить поставку, даже если ветка не проходит проверки экосистемы (ревью, статус задачи); записывается в аудит</translation>
    </message>
    <message>
        <source>deliver into it</source>
        <translation>выполнить в него поставку</translation>
    </message>
    <message>
        <source>deliver into a frozen environment anyway, saying why; audited and recorded</source>
        <translation>всё равно доставить в замороженное окружение, указав причину; записывается в аудит и запись релиза</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>ПРИЧИНА</translation>
    </message>
    <message>
        <source>do not watch the ecosystem&apos;s monitoring query or the environment&apos;s alerts after the release</source>
        <translation>не отслеживать запрос мониторинга экосистемы и оповещения окружения после релиза</translation>
    </message>
    <message>
        <source>deliver although alerts of the environment fire, saying why; audited and recorded</source>
        <translation>выполнить поставку, несмотря на сработавшие оповещения окружения, указав причину; записывается в аудит и запись релиза</translation>
    </message>
    <message>
        <source>canary of %1:</source>
        <translation>canary системы %1:</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::DeploymentActionArguments</name>
    <message>
        <source>the ecosystem file, to know the namespace&apos;s environment (default: the namespace&apos;s delivery lock says)</source>
        <translation>файл экосистемы, чтобы узнать окружение пространства имён (по умолчанию: его сообщает блокировка поставок пространства имён)</translation>
    </message>
    <message>
        <source>the environment&apos;s name, which a protected environment wants before a change</source>
        <translation>имя окружения, которое защищённое окружение требует перед изменением</translation>
    </message>
    <message>
        <source>wait while a delivery holds the environment (default: refuse)</source>
        <translation>ждать, пока окружение занято поставкой (по умолчанию: отказать)</translation>
    </message>
    <message>
        <source>warning: whether namespace %1 is an environment&apos;s cannot be told (its delivery lock: %2); acting without the lock</source>
        <translation>предупреждение: не удаётся определить, принадлежит ли пространство имён %1 окружению (его блокировка поставок: %2); действие выполняется без блокировки</translation>
    </message>
    <message>
        <source>namespace %1 (context %2) is %3&apos;s, a protected environment</source>
        <translation>пространство имён %1 (контекст %2) принадлежит защищённому окружению %3</translation>
    </message>
    <message>
        <source>--confirm %1 does not name it: %2; to %3 there, add --confirm %4</source>
        <translation>--confirm %1 не совпадает с именем этого окружения: %2; чтобы там %3, добавьте --confirm %4</translation>
    </message>
    <message>
        <source>%1: to %2 there, add --confirm %3</source>
        <translation>%1: чтобы там %2, добавьте --confirm %3</translation>
    </message>
    <message>
        <source>waiting: %1 is held by %2</source>
        <translation>ожидание: %1 заблокировано %2</translation>
    </message>
    <message>
        <source>warning: audit: %1</source>
        <translation>предупреждение: аудит: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::DiffCommand</name>
    <message>
        <source>live objects against what a delivery would apply, by server dry run (exit 0 no drift, 1 drift, 2 error)</source>
        <translation>сравнить объекты в кластере с тем, что применила бы поставка, через dry run на сервере (код выхода 0 — нет расхождений, 1 — есть расхождения, 2 — ошибка)</translation>
    </message>
    <message>
        <source>the systems to compare; default: every system of the environment</source>
        <translation>сравниваемые системы; по умолчанию: все системы окружения</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>окружение</translation>
    </message>
    <message>
        <source>compare with this image instead of the one running now (one system only)</source>
        <translation>сравнить с этим образом вместо работающего сейчас (только одна система)</translation>
    </message>
    <message>
        <source>compare with this revision of each system&apos;s repository: its manifests and the image it builds into</source>
        <translation>сравнить с этой ревизией репозитория каждой системы: с её манифестами и образом, в который она собирается</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>нет системы с именем %1</translation>
    </message>
    <message>
        <source>--image needs exactly one SYSTEM</source>
        <translation>для --image нужна ровно одна система (SYSTEM)</translation>
    </message>
    <message>
        <source>%1 is a showroom: --task names which</source>
        <translation>%1 — окружение шоурумов: укажите шоурум через --task</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>работает сейчас</translation>
    </message>
    <message>
        <source>of the latest release</source>
        <translation>из последнего релиза</translation>
    </message>
    <message>
        <source>built from %1</source>
        <translation>собран из %1</translation>
    </message>
    <message>
        <source>given</source>
        <translation>задан</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>предупреждение: %1</translation>
    </message>
    <message>
        <source># %1: no drift</source>
        <translation># %1: нет расхождений</translation>
    </message>
    <message>
        <source># %1: changed: %2</source>
        <translation># %1: изменено: %2</translation>
    </message>
    <message>
        <source># %1: not live, would be created</source>
        <translation># %1: нет в кластере, был бы создан</translation>
    </message>
    <message>
        <source># %1: live but in no manifest; a delivery leaves it</source>
        <translation># %1: есть в кластере, но нет ни в одном манифесте; поставка его не трогает</translation>
    </message>
    <message>
        <source># %1: set outside Shipyard, a delivery keeps it: %2</source>
        <translation># %1: задано вне Shipyard, поставка его сохранит: %2</translation>
    </message>
    <message>
        <source># %1 in %2 (namespace %3), image %4 (%5), from %6</source>
        <translation># %1 в %2 (пространство имён %3), образ %4 (%5), из %6</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::DoctorCommand</name>
    <message>
        <source>check everything deliveries need: clusters, registry, tracker, monitoring, git, tools</source>
        <translation>проверить всё, что нужно поставкам: кластеры, реестр, трекер, мониторинг, git, инструменты</translation>
    </message>
    <message>
        <source>Checks each component the ecosystem names, all at once, each within --timeout. Exit status: 0 when everything a delivery needs is ok (warnings allowed), 1 when something it needs is broken, 2 for usage errors.</source>
        <translation>Проверяет каждый компонент, указанный в экосистеме, все одновременно, каждый в пределах --timeout. Код выхода: 0 — всё, что нужно поставке, в порядке (предупреждения допустимы), 1 — что-то нужное ей неисправно, 2 — ошибка вызова.</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>файл экосистемы</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>читать только этот файл kubeconfig</translation>
    </message>
    <message>
        <source>output format: text or json</source>
        <translation>формат вывода: text или json</translation>
    </message>
    <message>
        <source>the time each check may take, in seconds (default 5)</source>
        <translation>время, отведённое на каждую проверку, в секундах (по умолчанию 5)</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output — это text или json, а не %1</translation>
    </message>
    <message>
        <source>--timeout is a number of seconds above 0 and at most 600, not %1</source>
        <translation>--timeout — это число секунд больше 0 и не больше 600, а не %1</translation>
    </message>
    <message>
        <source>unexpected arguments</source>
        <translation>неожиданные аргументы</translation>
    </message>
    <message>
        <source>--ecosystem is needed</source>
        <translation>нужен --ecosystem</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: файл не найден</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>ВЕРДИКТ</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>МС</translation>
    </message>
    <message>
        <source>COMPONENT</source>
        <translation>КОМПОНЕНТ</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>ПРОВЕРКА</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>ПОДРОБНОСТИ</translation>
    </message>
    <message>
        <source>Deliveries would fail: fix what is broken first.</source>
        <translation>Поставки не удадутся: сначала устраните неисправности.</translation>
    </message>
    <message>
        <source>Everything a delivery needs is ok.</source>
        <translation>Всё, что нужно поставке, в порядке.</translation>
    </message>
    <message>
        <source>* broken, but deliveries go on without it.</source>
        <translation>* broken, но поставки обходятся без этого компонента.</translation>
    </message>
    <message>
        <source>%1: %2 checks in %3 s: %4 ok, %5, %6 broken, %7 skipped.</source>
        <translation>%1: %2 проверок за %3 с: %4 в порядке, %5, %6 сломано, %7 пропущено.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::EnvironmentArguments</name>
    <message>
        <source>the ecosystem file</source>
        <translation>файл экосистемы</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>читать только этот файл kubeconfig</translation>
    </message>
    <message>
        <source>the task of a showroom</source>
        <translation>задача шоурума</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text или json</translation>
    </message>
    <message>
        <source>--ecosystem is needed</source>
        <translation>нужен --ecosystem</translation>
    </message>
    <message>
        <source>--ecosystem and --environment are needed</source>
        <translation>нужны --ecosystem и --environment</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output — это text или json, а не %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: файл не найден</translation>
    </message>
    <message>
        <source>%1 has no %2 environment</source>
        <translation>в %1 нет окружения типа %2</translation>
    </message>
    <message>
        <source>%1 has several %2 environments (%3): name one with --environment</source>
        <translation>в %1 несколько окружений типа %2 (%3): укажите одно через --environment</translation>
    </message>
    <message>
        <source>no environment named %1</source>
        <translation>нет окружения с именем %1</translation>
    </message>
    <message>
        <source>the environment&apos;s name, which a protected environment wants</source>
        <translation>имя окружения, которое требует защищённое окружение</translation>
    </message>
    <message>
        <source>--confirm %1 does not name %2, a protected environment: to %3, add --confirm %2</source>
        <translation>--confirm %1 не совпадает с именем защищённого окружения %2: чтобы %3, добавьте --confirm %2</translation>
    </message>
    <message>
        <source>%1 is a protected environment: to %2, add --confirm %1</source>
        <translation>%1 — защищённое окружение: чтобы %2, добавьте --confirm %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::GateCommand</name>
    <message>
        <source>refuse pushes the delivery would refuse, as a git server&apos;s pre-receive hook</source>
        <translation>отклонять push, которые отклонила бы поставка, в роли хука pre-receive git-сервера</translation>
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
  читает строки «OLD NEW REF» со стандартного ввода, как git передаёт их хуку pre-receive, и отклоняет
  push (код выхода 1, причины — в стандартном потоке ошибок), если ветка не указывает задачу, если
  статус её задачи не допускает обновлений или если в upstream-ветку системы выполняет push
  кто-то, кого нет в gating.upstreamPushers.
shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]
  записывает hooks/pre-receive репозитория REPOSITORY так, чтобы он запускал описанное выше.</translation>
    </message>
    <message>
        <source>pre-receive or install</source>
        <translation>pre-receive или install</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>файл экосистемы</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>the system whose repository this is (default: found by the repository&apos;s name)</source>
        <translation>система, которой принадлежит этот репозиторий (по умолчанию: определяется по имени репозитория)</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>who pushes (default: GL_USERNAME, GL_USER, REMOTE_USER or USER, as the server sets them)</source>
        <translation>кто выполняет push (по умолчанию: GL_USERNAME, GL_USER, REMOTE_USER или USER, как их задаёт сервер)</translation>
    </message>
    <message>
        <source>usage: shipyardctl gate pre-receive --ecosystem PATH [--system NAME] [--pusher NAME]
       shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]</source>
        <translation>использование: shipyardctl gate pre-receive --ecosystem PATH [--system NAME] [--pusher NAME]
               shipyardctl gate install REPOSITORY --ecosystem PATH [--system NAME]</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: файл не найден</translation>
    </message>
    <message>
        <source>push refused: the ecosystem %1 does not load</source>
        <translation>push отклонён: экосистема %1 не загружается</translation>
    </message>
    <message>
        <source>push refused: %1</source>
        <translation>push отклонён: %1</translation>
    </message>
    <message>
        <source>push refused: cannot read the hook&apos;s input</source>
        <translation>push отклонён: не удаётся прочитать входные данные хука</translation>
    </message>
    <message>
        <source>Shipyard refuses %1: %2</source>
        <translation>Shipyard отклоняет %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a git repository (no hooks folder)</source>
        <translation>%1 не является git-репозиторием (нет каталога hooks)</translation>
    </message>
    <message>
        <source>%1 already exists and is not Shipyard&apos;s: have it run &quot;%2&quot; with the same input</source>
        <translation>%1 уже существует и не принадлежит Shipyard: пусть он запускает «%2» с теми же входными данными</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>installed %1</source>
        <translation>установлено: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::GetCommand</name>
    <message>
        <source>list or show objects of any resource type, like kubectl get</source>
        <translation>показать список объектов или объект любого типа ресурса, как kubectl get</translation>
    </message>
    <message>
        <source>every namespace</source>
        <translation>все пространства имён</translation>
    </message>
    <message>
        <source>text, wide or json</source>
        <translation>text, wide или json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>label selector</source>
        <translation>селектор меток</translation>
    </message>
    <message>
        <source>SELECTOR</source>
        <translation>SELECTOR</translation>
    </message>
    <message>
        <source>keep metadata.managedFields in JSON output</source>
        <translation>сохранять metadata.managedFields в выводе JSON</translation>
    </message>
    <message>
        <source>objects per page (0: all at once)</source>
        <translation>объектов на страницу (0: все сразу)</translation>
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
        <translation>один объект</translation>
    </message>
    <message>
        <source>usage: get RESOURCE [NAME] [-n NS | -A] [-o text|wide|json]</source>
        <translation>использование: get RESOURCE [NAME] [-n NS | -A] [-o text|wide|json]</translation>
    </message>
    <message>
        <source>the server doesn&apos;t have a resource type &quot;%1&quot;</source>
        <translation>на сервере нет типа ресурса «%1»</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>ПРОСТРАНСТВО ИМЁН</translation>
    </message>
    <message>
        <source>No resources found</source>
        <translation>Ресурсы не найдены</translation>
    </message>
    <message>
        <source>No resources found in %1 namespace.</source>
        <translation>В пространстве имён %1 ресурсы не найдены.</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::HistoryCommand</name>
    <message>
        <source>list an environment&apos;s releases, newest first</source>
        <translation>показать релизы окружения, новые первыми</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>окружение</translation>
    </message>
    <message>
        <source>RELEASE</source>
        <translation>РЕЛИЗ</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ВРЕМЯ</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>РЕЗУЛЬТАТ</translation>
    </message>
    <message>
        <source>WHO</source>
        <translation>КТО</translation>
    </message>
    <message>
        <source>TASKS</source>
        <translation>ЗАДАЧИ</translation>
    </message>
    <message>
        <source>IMAGES</source>
        <translation>ОБРАЗЫ</translation>
    </message>
    <message>
        <source>MIGRATIONS</source>
        <translation>МИГРАЦИИ</translation>
    </message>
    <message>
        <source>%1: %2 %3 failed (Job %4): %5</source>
        <translation>%1: %2 %3 — сбой (Job %4): %5</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::LockCommand</name>
    <message>
        <source>an environment&apos;s delivery lock: lock status|take|release ENVIRONMENT</source>
        <translation>блокировка поставок окружения: lock status|take|release ENVIRONMENT</translation>
    </message>
    <message>
        <source>status, take or release, then the environment</source>
        <translation>status, take или release, затем окружение</translation>
    </message>
    <message>
        <source>the environment is given twice</source>
        <translation>окружение указано дважды</translation>
    </message>
    <message>
        <source>unknown action %1: status, take or release</source>
        <translation>неизвестное действие %1: status, take или release</translation>
    </message>
    <message>
        <source>--lease-seconds must be a number of seconds, at least 2</source>
        <translation>--lease-seconds должно быть числом секунд, не меньше 2</translation>
    </message>
    <message>
        <source>the environment (or give it after the action)</source>
        <translation>окружение (или укажите его после действия)</translation>
    </message>
    <message>
        <source>take: queue until the lock is free (first come, first served)</source>
        <translation>take: ждать в очереди, пока блокировка не освободится (в порядке очереди)</translation>
    </message>
    <message>
        <source>take: why, shown to the others</source>
        <translation>take: причина, которую увидят остальные</translation>
    </message>
    <message>
        <source>release: break another&apos;s lock (audited)</source>
        <translation>release: снять чужую блокировку (записывается в аудит)</translation>
    </message>
    <message>
        <source>take: how long the lock outlives this process if it dies</source>
        <translation>take: сколько блокировка продержится после аварийного завершения этого процесса</translation>
    </message>
    <message>
        <source>status, take or release</source>
        <translation>status, take или release</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>окружение</translation>
    </message>
    <message>
        <source>warning: audit: %1</source>
        <translation>предупреждение: аудит: %1</translation>
    </message>
    <message>
        <source>%1 (context %2, namespace %3)</source>
        <translation>%1 (контекст %2, пространство имён %3)</translation>
    </message>
    <message>
        <source>lock: free (%1 stopped renewing it at %2)</source>
        <translation>блокировка: свободна (%1 перестал её продлевать в %2)</translation>
    </message>
    <message>
        <source>lock: free</source>
        <translation>блокировка: свободна</translation>
    </message>
    <message>
        <source>lock: held by %1 since %2, renewed %3</source>
        <translation>блокировка: у %1 с %2, продлена %3</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>причина: %1</translation>
    </message>
    <message>
        <source>queue: empty</source>
        <translation>очередь: пуста</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>истекло</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>WAITER</source>
        <translation>ОЖИДАЮЩИЙ</translation>
    </message>
    <message>
        <source>SINCE</source>
        <translation>С</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>СОСТОЯНИЕ</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>ПРИЧИНА</translation>
    </message>
    <message>
        <source>waiting: %1 is held by %2; queued as %3</source>
        <translation>ожидание: %1 заблокировано %2; в очереди как %3</translation>
    </message>
    <message>
        <source>%1 is locked by %2; Ctrl-C releases it</source>
        <translation>%1 заблокировано %2; Ctrl+C снимает блокировку</translation>
    </message>
    <message>
        <source>the lock of %1 was lost (broken or expired)</source>
        <translation>блокировка %1 потеряна (снята или истекла)</translation>
    </message>
    <message>
        <source>%1 released</source>
        <translation>%1: блокировка снята</translation>
    </message>
    <message>
        <source>held by %1, not by you: --force breaks it</source>
        <translation>блокировку держит %1, а не вы: --force снимет её</translation>
    </message>
    <message>
        <source>%1: released the lock %2 held</source>
        <translation>%1: снята блокировка, которую держал %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::LogsCommand</name>
    <message>
        <source>the container</source>
        <translation>контейнер</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>keep printing new lines</source>
        <translation>продолжать выводить новые строки</translation>
    </message>
    <message>
        <source>the previous, terminated container</source>
        <translation>предыдущий, завершённый контейнер</translation>
    </message>
    <message>
        <source>only the last N lines</source>
        <translation>только последние N строк</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>prefix each line with its time</source>
        <translation>добавлять время в начало каждой строки</translation>
    </message>
    <message>
        <source>text, or json: one object with the lines (with --follow, one object per line)</source>
        <translation>text или json: один объект со строками (с --follow — один объект на строку)</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>неизвестный формат вывода «%1» (text или json)</translation>
    </message>
    <message>
        <source>print or follow the log of a pod&apos;s container, or of every pod of a deployment</source>
        <translation>вывести журнал контейнера пода или всех подов Deployment либо следить за ним</translation>
    </message>
    <message>
        <source>every pod of this label selector, merged by time</source>
        <translation>все поды с этим селектором меток, объединённые по времени</translation>
    </message>
    <message>
        <source>SELECTOR</source>
        <translation>SELECTOR</translation>
    </message>
    <message>
        <source>only lines of the last DURATION (90s, 15m, 2h; pods of a deployment or selector)</source>
        <translation>только строки за последний интервал DURATION (90s, 15m, 2h; поды Deployment или селектора)</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <source>only lines matching this regular expression, case-insensitive (pods of a deployment or selector)</source>
        <translation>только строки, совпадающие с этим регулярным выражением, без учёта регистра (поды Deployment или селектора)</translation>
    </message>
    <message>
        <source>PATTERN</source>
        <translation>PATTERN</translation>
    </message>
    <message>
        <source>the pod, or deployment/NAME for every pod of a deployment</source>
        <translation>под или deployment/NAME для всех подов Deployment</translation>
    </message>
    <message>
        <source>usage: logs POD [-c CONTAINER] [-f] [--previous] [--tail N], or logs deployment/NAME|-l SELECTOR [-f] [--since D] [--tail N] [--grep RE]</source>
        <translation>использование: logs POD [-c CONTAINER] [-f] [--previous] [--tail N] или logs deployment/NAME|-l SELECTOR [-f] [--since D] [--tail N] [--grep RE]</translation>
    </message>
    <message>
        <source>--since and --grep are for deployment/NAME or --selector</source>
        <translation>--since и --grep — только для deployment/NAME или --selector</translation>
    </message>
    <message>
        <source>--tail wants a number of lines, not &apos;%1&apos;</source>
        <translation>--tail ожидает число строк, а не «%1»</translation>
    </message>
    <message>
        <source>--since wants a duration such as 90s, 15m or 2h, not &apos;%1&apos;</source>
        <translation>--since ожидает длительность вида 90s, 15m или 2h, а не «%1»</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::NewCommand</name>
    <message>
        <source>new system NAME --template T: a repository from a service template, added to the ecosystem</source>
        <translation>new system NAME --template T: репозиторий из шаблона сервиса, добавленный в экосистему</translation>
    </message>
    <message>
        <source>what to make (only &apos;system&apos; so far)</source>
        <translation>что создать (пока только &apos;system&apos;)</translation>
    </message>
    <message>
        <source>the new system&apos;s name</source>
        <translation>имя новой системы</translation>
    </message>
    <message>
        <source>the service template: frontend, backend, worker or one of the ecosystem&apos;s `templates:` folder</source>
        <translation>шаблон сервиса: frontend, backend, worker или один из папки `templates:` экосистемы</translation>
    </message>
    <message>
        <source>the ecosystem file to add the system to</source>
        <translation>файл экосистемы, в который добавляется система</translation>
    </message>
    <message>
        <source>the folder of the new repository (default: beside the other systems&apos; repositories)</source>
        <translation>папка нового репозитория (по умолчанию: рядом с репозиториями других систем)</translation>
    </message>
    <message>
        <source>the system&apos;s description in the ecosystem</source>
        <translation>описание системы в экосистеме</translation>
    </message>
    <message>
        <source>the port the service listens on (default: the template&apos;s)</source>
        <translation>порт, который слушает сервис (по умолчанию: из шаблона)</translation>
    </message>
    <message>
        <source>say what would be made and added, write nothing</source>
        <translation>сообщить, что было бы создано и добавлено, ничего не записывая</translation>
    </message>
    <message>
        <source>text or json (what was made and added, or the error, as one object)</source>
        <translation>text или json (что создано и добавлено или ошибка — одним объектом)</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>usage: shipyardctl new system NAME --template frontend|backend|worker --ecosystem PATH [--repository DIR] [--dry-run]</source>
        <translation>использование: shipyardctl new system NAME --template frontend|backend|worker --ecosystem PATH [--repository DIR] [--dry-run]</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>неизвестный формат вывода «%1» (text или json)</translation>
    </message>
    <message>
        <source>--port wants a number from 1 to 65535, not %1</source>
        <translation>--port ожидает число от 1 до 65535, а не %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: файл не найден</translation>
    </message>
    <message>
        <source>would make %1 from the %2 template in %3, committed on %4:</source>
        <translation>будет создан %1 из шаблона %2 в %3, коммит в %4:</translation>
    </message>
    <message>
        <source>made %1 from the %2 template in %3, commit %4 on %5:</source>
        <translation>создан %1 из шаблона %2 в %3, коммит %4 в %5:</translation>
    </message>
    <message>
        <source>would add to %1 at line %2:</source>
        <translation>будет добавлено в %1 в строке %2:</translation>
    </message>
    <message>
        <source>added to %1 at line %2:</source>
        <translation>добавлено в %1 в строке %2:</translation>
    </message>
    <message>
        <source>next: shipyardctl validate %1, then shipyardctl deliver --ecosystem %1 --environment ENV --system %2</source>
        <translation>далее: shipyardctl validate %1, затем shipyardctl deliver --ecosystem %1 --environment ENV --system %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::NotifyCommand</name>
    <message>
        <source>send a test notification to the channels an event in an environment goes to</source>
        <translation>отправить тестовое уведомление в каналы, куда направляется событие в окружении</translation>
    </message>
    <message>
        <source>shipyardctl notify --ecosystem PATH --environment ENV [--event EVENT] [--task KEY]
  sends a notification marked as a test to every channel the ecosystem&apos;s notifications route
  EVENT (default delivery.succeeded) in ENV to; KEY is the task a tracker channel comments on.
  Exit 1 when a channel did not take it, or when the event goes nowhere.</source>
        <translation>shipyardctl notify --ecosystem PATH --environment ENV [--event EVENT] [--task KEY]
  отправляет уведомление с пометкой «тест» в каждый канал, куда уведомления экосистемы
  направляют EVENT (по умолчанию delivery.succeeded) в ENV; KEY — задача, которую комментирует канал трекера.
  Код выхода 1, если какой-либо канал его не принял или событие никуда не направляется.</translation>
    </message>
    <message>
        <source>the environment whose channels are tried</source>
        <translation>окружение, каналы которого проверяются</translation>
    </message>
    <message>
        <source>the event, e.g. delivery.failed</source>
        <translation>событие, например delivery.failed</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>EVENT</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no event (%2)</source>
        <translation>«%1» — не событие (%2)</translation>
    </message>
    <message>
        <source>A test of the ecosystem&apos;s notifications: nothing happened.</source>
        <translation>Проверка уведомлений экосистемы: ничего не произошло.</translation>
    </message>
    <message>
        <source>%1 in %2 goes to no channel</source>
        <translation>%1 в %2 не направляется ни в один канал</translation>
    </message>
    <message>
        <source>sent to %1</source>
        <translation>отправлено в %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::Output</name>
    <message>
        <source>warning: %1</source>
        <translation>предупреждение: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RegistryCommand</name>
    <message>
        <source>the image registry: prune [--system S] [--keep N] [--older-than D] [--dry-run] deletes the tags nothing uses</source>
        <translation>реестр образов: prune [--system S] [--keep N] [--older-than D] [--dry-run] удаляет теги, которые ничем не используются</translation>
    </message>
    <message>
        <source>prune</source>
        <translation>prune</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>файл экосистемы</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>читать только этот файл kubeconfig</translation>
    </message>
    <message>
        <source>only this system&apos;s repository (default: every system&apos;s)</source>
        <translation>только репозиторий этой системы (по умолчанию: всех систем)</translation>
    </message>
    <message>
        <source>keep the newest N tags of each repository (default 10)</source>
        <translation>сохранять N новейших тегов каждого репозитория (по умолчанию 10)</translation>
    </message>
    <message>
        <source>delete only tags older than this (90s, 15m, 72h, 7d); younger ones are kept</source>
        <translation>удалять только теги старше этого (90s, 15m, 72h, 7d); более новые сохраняются</translation>
    </message>
    <message>
        <source>say what would be deleted, delete nothing</source>
        <translation>сообщить, что было бы удалено, ничего не удаляя</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text или json</translation>
    </message>
    <message>
        <source>usage: shipyardctl registry prune --ecosystem PATH [--kubeconfig FILE] [--system NAME] [--keep N] [--older-than DURATION] [--dry-run] [--output json]</source>
        <translation>использование: shipyardctl registry prune --ecosystem PATH [--kubeconfig FILE] [--system NAME] [--keep N] [--older-than DURATION] [--dry-run] [--output json]</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output — это text или json, а не %1</translation>
    </message>
    <message>
        <source>--keep wants a number of tags, 0 or more, not %1</source>
        <translation>--keep ожидает число тегов, 0 или больше, а не %1</translation>
    </message>
    <message>
        <source>--older-than wants a duration like 90s, 15m, 72h, 7d, not %1</source>
        <translation>--older-than ожидает длительность вида 90s, 15m, 72h, 7d, а не %1</translation>
    </message>
    <message>
        <source>%1: nothing deleted: %2</source>
        <translation>%1: ничего не удалено: %2</translation>
    </message>
    <message>
        <source>%1:%2 not deleted: %3</source>
        <translation>%1:%2 не удалён: %3</translation>
    </message>
    <message>
        <source>%1/%2 (%3):</source>
        <translation>%1/%2 (%3):</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>оставить</translation>
    </message>
    <message>
        <source>would delete</source>
        <translation>будет удалён</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удалён</translation>
    </message>
    <message>
        <source>not deleted</source>
        <translation>не удалён</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ДЕЙСТВИЕ</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>ТЕГ</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>ДАЙДЖЕСТ</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>ПРИЧИНА</translation>
    </message>
    <message>
        <source>%1 tag(s) kept, %2 would be deleted (dry run)</source>
        <translation>тегов оставлено: %1, будет удалено: %2 (dry run)</translation>
    </message>
    <message>
        <source>%1 tag(s) kept, %2 deleted</source>
        <translation>тегов оставлено: %1, удалено: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RenderCommand</name>
    <message>
        <source>print the objects a delivery of a system into an environment would apply</source>
        <translation>вывести объекты, которые применила бы доставка системы в окружение</translation>
    </message>
    <message>
        <source>the system to render</source>
        <translation>система для рендеринга</translation>
    </message>
    <message>
        <source>the environment to render for</source>
        <translation>окружение, для которого выполняется рендеринг</translation>
    </message>
    <message>
        <source>put this image in (default: the one the commit builds into)</source>
        <translation>подставить этот образ (по умолчанию: образ, собираемый из коммита)</translation>
    </message>
    <message>
        <source>render this revision of the system&apos;s repository (default: its working tree)</source>
        <translation>рендерить эту ревизию репозитория системы (по умолчанию: его рабочую копию)</translation>
    </message>
    <message>
        <source>expected exactly one SYSTEM</source>
        <translation>ожидается ровно одна СИСТЕМА</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>нет системы с именем %1</translation>
    </message>
    <message>
        <source>%1 is a showroom: --task names which</source>
        <translation>%1 — шоурум: укажите какой через --task</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>предупреждение: %1</translation>
    </message>
    <message>
        <source>%1 for %2 (namespace %3), from %4</source>
        <translation>%1 для %2 (пространство имён %3), из %4</translation>
    </message>
    <message>
        <source>do not ask the environment&apos;s cluster for its version and APIs: charts render with Helm&apos;s defaults, as `helm template` does</source>
        <translation>не запрашивать у кластера окружения его версию и API: чарты рендерятся с умолчаниями Helm, как делает `helm template`</translation>
    </message>
    <message>
        <source>warning: the cluster of %1 could not tell its version and APIs (%2); the chart renders with Helm&apos;s defaults</source>
        <translation>предупреждение: кластер %1 не сообщил свою версию и API (%2); чарт рендерится с умолчаниями Helm</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RobotCommand</name>
    <message>
        <source>the delivery robot: moves tracker tasks through autotests, showrooms and staging</source>
        <translation>робот поставки: проводит задачи трекера через автотесты, шоурумы и staging</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>файл экосистемы</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>читать только этот файл kubeconfig</translation>
    </message>
    <message>
        <source>one pass, then exit: 1 when something failed</source>
        <translation>один проход и выход: 1, если что-то не удалось</translation>
    </message>
    <message>
        <source>deliver this image instead of building one; repeatable</source>
        <translation>поставить этот образ вместо сборки; можно повторять</translation>
    </message>
    <message>
        <source>usage: shipyardctl robot --ecosystem PATH [--once] [--interval SECONDS]</source>
        <translation>использование: shipyardctl robot --ecosystem PATH [--once] [--interval SECONDS]</translation>
    </message>
    <message>
        <source>--interval wants a number of seconds, not %1</source>
        <translation>--interval ожидает число секунд, а не %1</translation>
    </message>
    <message>
        <source>--output is text or json, not %1</source>
        <translation>--output — это text или json, а не %1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: файл не найден</translation>
    </message>
    <message>
        <source>--image wants SYSTEM=REFERENCE, not %1</source>
        <translation>--image ожидает SYSTEM=REFERENCE, а не %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>сбой: %1</translation>
    </message>
    <message>
        <source>act only while holding a Lease, so that several robots may run and one acts</source>
        <translation>действовать, только удерживая Lease, чтобы могли работать несколько роботов, а действовал один</translation>
    </message>
    <message>
        <source>the context of the Lease (default: the current one)</source>
        <translation>контекст Lease (по умолчанию: текущий)</translation>
    </message>
    <message>
        <source>the namespace of the Lease (default: the context&apos;s; in a pod, the service account&apos;s)</source>
        <translation>пространство имён Lease (по умолчанию: из контекста; в поде — сервисного аккаунта)</translation>
    </message>
    <message>
        <source>the Lease&apos;s name (default shipyard-robot)</source>
        <translation>имя Lease (по умолчанию shipyard-robot)</translation>
    </message>
    <message>
        <source>this robot&apos;s name in the Lease (default: host and pid)</source>
        <translation>имя этого робота в Lease (по умолчанию: хост и pid)</translation>
    </message>
    <message>
        <source>seconds others wait before taking over (default 15)</source>
        <translation>секунд, которые другие ждут, прежде чем перехватить управление (по умолчанию 15)</translation>
    </message>
    <message>
        <source>seconds without a renewal after which this robot stops acting (default 10)</source>
        <translation>секунд без продления, после которых этот робот перестаёт действовать (по умолчанию 10)</translation>
    </message>
    <message>
        <source>seconds between tries and renewals (default 2)</source>
        <translation>секунд между попытками и продлениями (по умолчанию 2)</translation>
    </message>
    <message>
        <source>stopped leading: %1</source>
        <translation>лидерство утрачено: %1</translation>
    </message>
    <message>
        <source>%1 does not load: %2</source>
        <translation>%1 не загружается: %2</translation>
    </message>
    <message>
        <source>--%1 wants a number of seconds, not %2</source>
        <translation>--%1 ожидает число секунд, а не %2</translation>
    </message>
    <message>
        <source>the lease wants retry-period &lt; renew-deadline &lt; lease-duration, not %1 &lt; %2 &lt; %3</source>
        <translation>для Lease нужно retry-period &lt; renew-deadline &lt; lease-duration, а не %1 &lt; %2 &lt; %3</translation>
    </message>
    <message>
        <source>the Lease&apos;s context %1: %2</source>
        <translation>контекст Lease %1: %2</translation>
    </message>
    <message>
        <source>serve /metrics, /healthz, /readyz and /webhooks/SOURCE on HOST:PORT or :PORT</source>
        <translation>обслуживать /metrics, /healthz, /readyz и /webhooks/SOURCE на HOST:PORT или :PORT</translation>
    </message>
    <message>
        <source>robot.webhooks is set, but without --listen no webhook is received</source>
        <translation>robot.webhooks задан, но без --listen вебхуки не принимаются</translation>
    </message>
    <message>
        <source>passed on: %1</source>
        <translation>передано дальше: %1</translation>
    </message>
    <message>
        <source>webhook %1: %2 (%3)</source>
        <translation>вебхук %1: %2 (%3)</translation>
    </message>
    <message>
        <source>webhook %1</source>
        <translation>вебхук %1</translation>
    </message>
    <message>
        <source>serving /metrics, /healthz, /readyz and /webhooks/ on %1</source>
        <translation>/metrics, /healthz, /readyz и /webhooks/ обслуживаются на %1</translation>
    </message>
    <message>
        <source>seconds between passes nothing woke (default: the ecosystem&apos;s robot.pollInterval, 60)</source>
        <translation>секунды между проходами, когда ничто не разбудило (по умолчанию: robot.pollInterval экосистемы, 60)</translation>
    </message>
    <message>
        <source>a pass&apos;s actions as text or json</source>
        <translation>действия прохода как text или json</translation>
    </message>
    <message>
        <source>text (lines on stderr) or json (everything on stdout, an object per line)</source>
        <translation>text (строки в stderr) или json (всё в stdout, по объекту на строку)</translation>
    </message>
    <message>
        <source>--log-format is text or json, not %1</source>
        <translation>--log-format — это text или json, а не %1</translation>
    </message>
    <message numerus="yes">
        <source>pass woken by %n webhook(s), the first %1 ms ago: %2</source>
        <translation>
            <numerusform>проход разбужен %n вебхуком, первым %1 мс назад: %2</numerusform>
            <numerusform>проход разбужен %n вебхуками, первым %1 мс назад: %2</numerusform>
            <numerusform>проход разбужен %n вебхуками, первым %1 мс назад: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RobotLog</name>
    <message numerus="yes">
        <source>pass over: %n action(s)</source>
        <translation>
            <numerusform>проход завершён: %n действие</numerusform>
            <numerusform>проход завершён: %n действия</numerusform>
            <numerusform>проход завершён: %n действий</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RollbackCommand</name>
    <message>
        <source>restore an environment&apos;s previous (or a chosen) release exactly</source>
        <translation>точно восстановить предыдущий (или выбранный) релиз окружения</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>окружение</translation>
    </message>
    <message>
        <source>the release to restore (default: the good one before the current)</source>
        <translation>восстанавливаемый релиз (по умолчанию: удачный релиз перед текущим)</translation>
    </message>
    <message>
        <source>wait while a delivery holds the environment</source>
        <translation>ждать, пока окружение занято поставкой</translation>
    </message>
    <message>
        <source>restored release %1 as %2 in %3 s</source>
        <translation>релиз %1 восстановлен как %2 за %3 с</translation>
    </message>
    <message>
        <source>roll it back</source>
        <translation>откатить его</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::RolloutCommand</name>
    <message>
        <source>status, history, undo or restart of a deployment, like kubectl</source>
        <translation>status, history, undo или restart для Deployment, как в kubectl</translation>
    </message>
    <message>
        <source>undo: the revision to go back to (0: the previous)</source>
        <translation>undo: ревизия, к которой вернуться (0: предыдущая)</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>status: give up after this many seconds (0: never)</source>
        <translation>status: сдаться через столько секунд (0: никогда)</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>undo: validate on the server, change nothing</source>
        <translation>undo: проверить на сервере, ничего не меняя</translation>
    </message>
    <message>
        <source>text or json (status: progress goes to stderr)</source>
        <translation>text или json (status: ход выполнения выводится в stderr)</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>status, history, undo or restart</source>
        <translation>status, history, undo или restart</translation>
    </message>
    <message>
        <source>the deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>usage: rollout status|history|undo|restart deployment/NAME</source>
        <translation>использование: rollout status|history|undo|restart deployment/NAME</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>неизвестный формат вывода «%1» (text или json)</translation>
    </message>
    <message>
        <source>only deployments are supported: deployment/NAME</source>
        <translation>поддерживаются только Deployment: deployment/NAME</translation>
    </message>
    <message>
        <source>%1 deployment/%2</source>
        <translation>%1 deployment/%2</translation>
    </message>
    <message>
        <source>undo the rollout of</source>
        <translation>откатить выкатку</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>перезапустить</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ScaleCommand</name>
    <message>
        <source>set a deployment&apos;s replicas, like kubectl, under its environment&apos;s lock</source>
        <translation>задать число реплик Deployment, как в kubectl, под блокировкой его окружения</translation>
    </message>
    <message>
        <source>the number of replicas</source>
        <translation>число реплик</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>text or json</source>
        <translation>text или json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>the deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>usage: scale deployment/NAME --replicas N (N a whole number, 0 or more)</source>
        <translation>использование: scale deployment/NAME --replicas N (N — целое число, 0 или больше)</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>неизвестный формат вывода «%1» (text или json)</translation>
    </message>
    <message>
        <source>scale deployment/%1 to %2 replicas</source>
        <translation>масштабировать deployment/%1 до %2 реплик</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ShowroomCommand</name>
    <message>
        <source>the showroom environment (default: the only one)</source>
        <translation>окружение шоурумов (по умолчанию: единственное)</translation>
    </message>
    <message>
        <source>up: deliver this image instead of building one; repeatable</source>
        <translation>up: поставить этот образ вместо сборки; можно повторять</translation>
    </message>
    <message>
        <source>up: the showroom lives this long from now (default: the environment&apos;s ttl)</source>
        <translation>up: сколько шоурум проживёт с этого момента (по умолчанию: ttl окружения)</translation>
    </message>
    <message>
        <source>up: do not run the systems&apos; test commands</source>
        <translation>up: не запускать тестовые команды систем</translation>
    </message>
    <message>
        <source>sweep: say what would be removed, remove nothing</source>
        <translation>sweep: показать, что было бы удалено, ничего не удаляя</translation>
    </message>
    <message>
        <source>environment %1 is of kind %2, not showroom</source>
        <translation>окружение %1 имеет тип %2, а не showroom</translation>
    </message>
    <message>
        <source>--image wants SYSTEM=REFERENCE, not %1</source>
        <translation>--image ожидает SYSTEM=REFERENCE, а не %1</translation>
    </message>
    <message>
        <source>--ttl wants a duration like 90s, 15m, 72h, 7d, not %1</source>
        <translation>--ttl ожидает длительность вида 90s, 15m, 72h, 7d, а не %1</translation>
    </message>
    <message>
        <source>showroom %1 is up in %2, expires at %3</source>
        <translation>шоурум %1 запущен в %2, истекает в %3</translation>
    </message>
    <message>
        <source>showroom %1 updated in %2, expires at %3</source>
        <translation>шоурум %1 обновлён в %2, истекает в %3</translation>
    </message>
    <message>
        <source>upstream</source>
        <translation>upstream</translation>
    </message>
    <message>
        <source>showroom %1 %2: %3</source>
        <translation>шоурум %1 %2: %3</translation>
    </message>
    <message>
        <source>showroom %1 is down (%2 deleted)</source>
        <translation>шоурум %1 остановлен (%2 удалено)</translation>
    </message>
    <message>
        <source> (terminating)</source>
        <translation> (завершается)</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation> (истёк)</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>ЗАДАЧА</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>ПРОСТРАНСТВО ИМЁН</translation>
    </message>
    <message>
        <source>CREATOR</source>
        <translation>СОЗДАТЕЛЬ</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>ВОЗРАСТ</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>ИСТЕКАЕТ</translation>
    </message>
    <message>
        <source>DEPLOYMENTS</source>
        <translation>DEPLOYMENT</translation>
    </message>
    <message>
        <source>PODS READY</source>
        <translation>ПОДОВ ГОТОВО</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>предупреждение: %1</translation>
    </message>
    <message>
        <source>%1 not removed: %2</source>
        <translation>%1 не удалён: %2</translation>
    </message>
    <message>
        <source>would remove %1 (%2): %3</source>
        <translation>будет удалён %1 (%2): %3</translation>
    </message>
    <message>
        <source>removed %1 (%2): %3</source>
        <translation>удалён %1 (%2): %3</translation>
    </message>
    <message numerus="yes">
        <source>%n showroom(s) kept</source>
        <translation>
            <numerusform>оставлен %n шоурум</numerusform>
            <numerusform>оставлено %n шоурума</numerusform>
            <numerusform>оставлено %n шоурумов</numerusform>
        </translation>
    </message>
    <message>
        <source>showrooms, one namespace per task for QA: up | down | pin | unpin | sleep | wake TASK, list, sweep [--dry-run]</source>
        <translation>шоурумы, по одному пространству имён на задачу для QA: up | down | pin | unpin | sleep | wake TASK, list, sweep [--dry-run]</translation>
    </message>
    <message>
        <source>up, down, pin, unpin, sleep, wake, list or sweep</source>
        <translation>up, down, pin, unpin, sleep, wake, list или sweep</translation>
    </message>
    <message>
        <source>the task key (up, down, pin, unpin, sleep, wake)</source>
        <translation>ключ задачи (up, down, pin, unpin, sleep, wake)</translation>
    </message>
    <message>
        <source>pin: why the showroom must outlive its expiry (required)</source>
        <translation>pin: почему шоурум должен остаться после истечения срока (обязательно)</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>ПРИЧИНА</translation>
    </message>
    <message>
        <source>usage: shipyardctl showroom up|down|pin|unpin|sleep|wake TASK | list | sweep [--dry-run] --ecosystem PATH</source>
        <translation>использование: shipyardctl showroom up|down|pin|unpin|sleep|wake TASK | list | sweep [--dry-run] --ecosystem PATH</translation>
    </message>
    <message>
        <source>pin wants --reason WHY: it is shown and audited</source>
        <translation>для pin нужен --reason ПРИЧИНА: она показывается и записывается в аудит</translation>
    </message>
    <message>
        <source>showroom %1 (%2):</source>
        <translation>шоурум %1 (%2):</translation>
    </message>
    <message>
        <source> (expired, pinned by %1: %2)</source>
        <translation> (истёк, закреплён пользователем %1: %2)</translation>
    </message>
    <message>
        <source> (pinned by %1: %2)</source>
        <translation> (закреплён пользователем %1: %2)</translation>
    </message>
    <message>
        <source> (asleep since %1)</source>
        <translation> (спит с %1)</translation>
    </message>
    <message>
        <source>%1 not put to sleep: %2</source>
        <translation>%1 не усыплён: %2</translation>
    </message>
    <message>
        <source>would put %1 (%2) to sleep: %3</source>
        <translation>был бы усыплён %1 (%2): %3</translation>
    </message>
    <message>
        <source>put %1 (%2) to sleep: %3</source>
        <translation>усыплён %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::StatusCommand</name>
    <message>
        <source>what runs in an environment: systems, health, lock and latest release (exit 1 unless all healthy)</source>
        <translation>что работает в окружении: системы, здоровье, блокировка и последний релиз (код выхода 1, если не всё здорово)</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>окружение</translation>
    </message>
    <message>
        <source>%1 (context %2, namespace %3)</source>
        <translation>%1 (контекст %2, пространство имён %3)</translation>
    </message>
    <message>
        <source>lock: %1</source>
        <translation>блокировка: %1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>свободна</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>у %1</translation>
    </message>
    <message>
        <source>releases: %1</source>
        <translation>релизов: %1</translation>
    </message>
    <message>
        <source>releases: none recorded</source>
        <translation>релизы: не записано ни одного</translation>
    </message>
    <message>
        <source>latest release: %1, %2 by %3</source>
        <translation>последний релиз: %1, %2, автор: %3</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>СИСТЕМА</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>ТЕГ</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>ГОТОВО</translation>
    </message>
    <message>
        <source>HEALTH</source>
        <translation>ЗДОРОВЬЕ</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>КОММИТ</translation>
    </message>
    <message>
        <source>frozen %1</source>
        <translation>заморожено %1</translation>
    </message>
    <message>
        <source>next freeze: %1</source>
        <translation>следующая заморозка: %1</translation>
    </message>
    <message>
        <source>alerts: %1</source>
        <translation>оповещения: %1</translation>
    </message>
    <message>
        <source>alerts: none firing</source>
        <translation>оповещения: активных нет</translation>
    </message>
    <message>
        <source>alert firing since %1: %2 (%3)</source>
        <translation>оповещение активно с %1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::TasksCommand</name>
    <message>
        <source>list every branch of every system with its task, status and delivery gates</source>
        <translation>показать все ветки всех систем с их задачей, статусом и проверками поставки</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>файл экосистемы</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>output format: text (a table, the default) or json</source>
        <translation>формат вывода: text (таблица, по умолчанию) или json</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>usage: shipyardctl tasks --ecosystem PATH [--output json]</source>
        <translation>использование: shipyardctl tasks --ecosystem PATH [--output json]</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>неизвестный формат вывода «%1» (text или json)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: файл не найден</translation>
    </message>
    <message>
        <source>(no task key)</source>
        <translation>(нет ключа задачи)</translation>
    </message>
    <message>
        <source>SYSTEM</source>
        <translation>СИСТЕМА</translation>
    </message>
    <message>
        <source>BRANCH</source>
        <translation>ВЕТКА</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>ЗАДАЧА</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>СТАТУС</translation>
    </message>
    <message>
        <source>GATES</source>
        <translation>ПРОВЕРКИ</translation>
    </message>
    <message numerus="yes">
        <source>%n branch(es) without a task key: </source>
        <translation>
            <numerusform>%n ветка без ключа задачи: </numerusform>
            <numerusform>%n ветки без ключа задачи: </numerusform>
            <numerusform>%n веток без ключа задачи: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::Ctl::ValidateCommand</name>
    <message>
        <source>check an ecosystem file and report every problem</source>
        <translation>проверить файл экосистемы и сообщить обо всех проблемах</translation>
    </message>
    <message>
        <source>the ecosystem file</source>
        <translation>файл экосистемы</translation>
    </message>
    <message>
        <source>print nothing when the file is valid</source>
        <translation>ничего не выводить, если файл корректен</translation>
    </message>
    <message>
        <source>expected exactly one ecosystem file</source>
        <translation>ожидается ровно один файл экосистемы</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: файл не найден</translation>
    </message>
    <message>
        <source>%1: valid ecosystem &apos;%2&apos;: %3 systems, %4 environments</source>
        <translation>%1: корректная экосистема «%2»: систем: %3, окружений: %4</translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>, %n предупреждение</numerusform>
            <numerusform>, %n предупреждения</numerusform>
            <numerusform>, %n предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>text or json (the verdict and every problem as one object)</source>
        <translation>text или json (вердикт и все проблемы одним объектом)</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>unknown output format &apos;%1&apos; (text or json)</source>
        <translation>неизвестный формат вывода «%1» (text или json)</translation>
    </message>
    <message>
        <source>check the file only, without rendering each system&apos;s manifests, chart or kustomization for each environment from its repository</source>
        <translation>проверить только файл, без рендеринга манифестов, чарта или kustomization каждой системы для каждого окружения из её репозитория</translation>
    </message>
    <message numerus="yes">
        <source>, %n rendering(s) checked</source>
        <translation>
            <numerusform>, %n рендеринг проверен</numerusform>
            <numerusform>, %n рендеринга проверено</numerusform>
            <numerusform>, %n рендерингов проверено</numerusform>
        </translation>
    </message>
    <message>
        <source>not rendered (repository not on this machine): %1</source>
        <translation>не отрендерено (репозитория нет на этой машине): %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliverDialog</name>
    <message>
        <source>Deliver</source>
        <translation>Поставка</translation>
    </message>
    <message>
        <source>Deliver systems into an environment</source>
        <translation>Поставить системы в окружение</translation>
    </message>
    <message>
        <source>Environment to deliver into</source>
        <translation>Окружение, в которое выполняется поставка</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Окружение:</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Системы</translation>
    </message>
    <message>
        <source>&lt;i&gt;Deliver&lt;/i&gt;</source>
        <translation>&lt;i&gt;Поставить&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Feature branch (empty: upstream)&lt;/i&gt;</source>
        <translation>&lt;i&gt;Функциональная ветка (пусто: upstream)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Image (empty: build it)&lt;/i&gt;</source>
        <translation>&lt;i&gt;Образ (пусто: собрать)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Deliver %1</source>
        <translation>Поставить %1</translation>
    </message>
    <message>
        <source>Feature branch of %1</source>
        <translation>Функциональная ветка %1</translation>
    </message>
    <message>
        <source>build → %1:…</source>
        <translation>сборка → %1:…</translation>
    </message>
    <message>
        <source>Image of %1</source>
        <translation>Образ %1</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Проверить…</translation>
    </message>
    <message>
        <source>Review the delivery</source>
        <translation>Проверить поставку</translation>
    </message>
    <message>
        <source>%1 is not delivered to this environment</source>
        <translation>%1 не поставляется в это окружение</translation>
    </message>
    <message>
        <source>%1 environment, context %2, namespace %3%4</source>
        <translation>окружение типа %1, контекст %2, пространство имён %3%4</translation>
    </message>
    <message>
        <source> — protected</source>
        <translation> — защищено</translation>
    </message>
    <message>
        <source>There is no environment named %1.</source>
        <translation>Окружения с именем %1 нет.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shipyard will deliver into &lt;b&gt;%1&lt;/b&gt; (%2, context &lt;tt&gt;%3&lt;/tt&gt;, namespace &lt;tt&gt;%4&lt;/tt&gt;):&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;Shipyard выполнит поставку в &lt;b&gt;%1&lt;/b&gt; (%2, контекст &lt;tt&gt;%3&lt;/tt&gt;, пространство имён &lt;tt&gt;%4&lt;/tt&gt;):&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: the feature branch &lt;tt&gt;%2&lt;/tt&gt;, brought onto &lt;tt&gt;%3&lt;/tt&gt; first, %4&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: функциональная ветка &lt;tt&gt;%2&lt;/tt&gt;, сначала перенесённая на &lt;tt&gt;%3&lt;/tt&gt;, %4&lt;/li&gt;</translation>
    </message>
    <message>
        <source>built into &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>собирается в &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>delivered as the image &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>поставляется как образ &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: the image &lt;tt&gt;%2&lt;/tt&gt;, as given (not built)&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: образ &lt;tt&gt;%2&lt;/tt&gt; как есть (без сборки)&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: built from &lt;tt&gt;%2&lt;/tt&gt; of %3 into &lt;tt&gt;%4&lt;/tt&gt;&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: собирается из &lt;tt&gt;%2&lt;/tt&gt; репозитория %3 в &lt;tt&gt;%4&lt;/tt&gt;&lt;/li&gt;</translation>
    </message>
    <message>
        <source>take the environment&apos;s lock</source>
        <translation>захватить блокировку окружения</translation>
    </message>
    <message>
        <source>build and test the images</source>
        <translation>собрать и протестировать образы</translation>
    </message>
    <message>
        <source>check that every image is in the registry %1</source>
        <translation>проверить, что каждый образ есть в реестре %1</translation>
    </message>
    <message>
        <source>apply the manifests and wait for the rollouts (at most %1 s)</source>
        <translation>применить манифесты и дождаться выкаток (не дольше %1 с)</translation>
    </message>
    <message>
        <source>run the smoke tests</source>
        <translation>запустить smoke-тесты</translation>
    </message>
    <message>
        <source>merge the delivered branches into their upstream</source>
        <translation>слить поставленные ветки в их upstream</translation>
    </message>
    <message>
        <source>&lt;p&gt;Steps: %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Шаги: %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;If anything fails once the first object is applied, the environment&apos;s last good release is restored and the failed release recorded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Если что-то пойдёт не так после применения первого объекта, будет восстановлен последний удачный релиз окружения, а неудачный релиз будет записан.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This changes production.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Это изменит продакшен.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>❄ Frozen %1: the confirmation asks why it cannot wait.</source>
        <translation>❄ Заморожено %1: при подтверждении нужно указать, почему поставка не может ждать.</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryCanaryModel</name>
    <message>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>удерживается</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>пройден</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>сбой</translation>
    </message>
    <message>
        <source>promoted by a person</source>
        <translation>продвинут вручную</translation>
    </message>
    <message>
        <source>aborted by a person</source>
        <translation>прерван вручную</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>%1 · 100 %: the main Deployment, %2 pods</source>
        <translation>%1 · 100 %: основной Deployment, подов: %2</translation>
    </message>
    <message>
        <source>%1 · %2 %: %3 new beside %4 old</source>
        <translation>%1 · %2 %: новых: %3, старых: %4</translation>
    </message>
    <message>
        <source>%1, %2 % of the pods (%3 % in fact): %4</source>
        <translation>%1, %2 % подов (фактически %3 %): %4</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryLogView</name>
    <message>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Журнал&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Find in the log (Ctrl+F)</source>
        <translation>Найти в журнале (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in the delivery log</source>
        <translation>Найти в журнале поставки</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Предыдущее совпадение (Shift+Enter)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Следующее совпадение (Enter)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Журнал поставки</translation>
    </message>
    <message>
        <source>The steps&apos; output appears here while a delivery runs.</source>
        <translation>Здесь появляется вывод шагов, пока идёт поставка.</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>нет совпадений</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n строка</numerusform>
            <numerusform>%n строки</numerusform>
            <numerusform>%n строк</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryPipelineModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Обновление</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Сборка</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тестирование</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Развёртывание</translation>
    </message>
    <message>
        <source>Smoke</source>
        <translation>Smoke-тест</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Мониторинг</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Откат</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Слияние</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>сбой</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>окружение</translation>
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
        <translation>Миграция</translation>
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
        <translation>Очередь: пуста</translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n waiting</source>
        <translation>
            <numerusform>Очередь: %n ожидает</numerusform>
            <numerusform>Очередь: %n ожидают</numerusform>
            <numerusform>Очередь: %n ожидают</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds the lock since %2</source>
        <translation>%1 держит блокировку с %2</translation>
    </message>
    <message>
        <source>%1 waits since %2</source>
        <translation>%1 ждёт с %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (gone: no longer renewed)</source>
        <translation>%1 (пропал: больше не продлевается)</translation>
    </message>
    <message>
        <source>Holds the lock since %1.</source>
        <translation>Держит блокировку с %1.</translation>
    </message>
    <message>
        <source>Waits since %1.</source>
        <translation>Ждёт с %1.</translation>
    </message>
    <message>
        <source>Not renewed since %1: its process is gone.</source>
        <translation>Не продлевается с %1: его процесс завершился.</translation>
    </message>
    <message>
        <source>Renewed while its process runs; expires at %1 otherwise.</source>
        <translation>Продлевается, пока работает его процесс; иначе истекает в %1.</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryQueueWatch</name>
    <message>
        <source>leases in %1: %2</source>
        <translation>объекты Lease в %1: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeliveryRolloutView</name>
    <message>
        <source>&amp;Rollout of:</source>
        <translation>Вы&amp;катка:</translation>
    </message>
    <message>
        <source>Deployment whose rollout the chart shows</source>
        <translation>Deployment, выкатку которого показывает график</translation>
    </message>
    <message>
        <source>Ready replicas over time during the delivery</source>
        <translation>Готовые реплики по времени в ходе поставки</translation>
    </message>
    <message>
        <source>Replicas of %1</source>
        <translation>Реплики %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::DeploymentPanel</name>
    <message>
        <source>&amp;Undo to Selected Revision</source>
        <translation>Откатить к выбранной &amp;ревизии</translation>
    </message>
    <message>
        <source>&amp;Scale…</source>
        <translation>Мас&amp;штабировать…</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>П&amp;ерезапустить</translation>
    </message>
    <message>
        <source>Undo the rollout to the selected revision</source>
        <translation>Откатить выкатку к выбранной ревизии</translation>
    </message>
    <message>
        <source>Scale the deployment</source>
        <translation>Масштабировать Deployment</translation>
    </message>
    <message>
        <source>Restart the deployment&apos;s pods</source>
        <translation>Перезапустить поды Deployment</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Результат последнего действия</translation>
    </message>
    <message>
        <source>Rollout history</source>
        <translation>История выкаток</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>Масштабировать %1</translation>
    </message>
    <message>
        <source>Replicas of %1:</source>
        <translation>Реплик у %1:</translation>
    </message>
    <message>
        <source>Select a deployment to see its rollout history.</source>
        <translation>Выберите Deployment, чтобы увидеть историю его выкаток.</translation>
    </message>
    <message>
        <source>Deployment %1 in %2 (%3)</source>
        <translation>Deployment %1 в %2 (%3)</translation>
    </message>
    <message>
        <source>Cannot read the rollout history of %1: %2</source>
        <translation>Не удаётся прочитать историю выкаток %1: %2</translation>
    </message>
    <message>
        <source>Checking whether you may %1 %2…</source>
        <translation>Проверка, разрешено ли вам %1 %2…</translation>
    </message>
    <message>
        <source>Cannot check whether you may %1 %2 in %3: %4</source>
        <translation>Не удаётся проверить, разрешено ли вам %1 %2 в %3: %4</translation>
    </message>
    <message>
        <source>You may not %1 %2 in %3 (context %4)%5</source>
        <translation>Вам не разрешено %1 %2 в %3 (контекст %4)%5</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>ревизия %1</translation>
    </message>
    <message>
        <source>the previous revision</source>
        <translation>предыдущей ревизии</translation>
    </message>
    <message>
        <source>Roll deployment %1 in %2 (%3) back to %4?</source>
        <translation>Откатить Deployment %1 в %2 (%3) к %4?</translation>
    </message>
    <message>
        <source>Scale deployment %1 in %2 (%3) from %4 to %5 replicas?</source>
        <translation>Масштабировать Deployment %1 в %2 (%3) с %4 до %5 реплик?</translation>
    </message>
    <message>
        <source>Restart every pod of deployment %1 in %2 (%3)?</source>
        <translation>Перезапустить все поды Deployment %1 в %2 (%3)?</translation>
    </message>
    <message>
        <source>Replicas of %1</source>
        <translation>Реплики %1</translation>
    </message>
    <message>
        <source>This is the environment &lt;b&gt;%1&lt;/b&gt;: the action takes its lock, is refused while a delivery runs, and is audited.</source>
        <translation>Это окружение &lt;b&gt;%1&lt;/b&gt;: действие захватывает его блокировку, отклоняется, пока идёт поставка, и записывается в аудит.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Предупреждение: %1</translation>
    </message>
    <message>
        <source>Undo the rollout of %1</source>
        <translation>Откатить выкатку %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Откатить</translation>
    </message>
    <message>
        <source>&amp;Scale</source>
        <translation>Мас&amp;штабировать</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Перезапустить %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::DiagnosticsModel</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Строка %1, столбец %2: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::DoctorModel</name>
    <message>
        <source>Waiting for an answer…</source>
        <translation>Ожидание ответа…</translation>
    </message>
    <message>
        <source>%1

What to do: %2</source>
        <translation>%1

Что делать: %2</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>проверка…</translation>
    </message>
    <message>
        <source>broken (optional)</source>
        <translation>broken (необязательно)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Вердикт</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <source>Found / what to do</source>
        <translation>Найдено / что делать</translation>
    </message>
    <message>
        <source>Nothing to check.</source>
        <translation>Нечего проверять.</translation>
    </message>
    <message>
        <source>Open an ecosystem to check what its deliveries need.</source>
        <translation>Откройте экосистему, чтобы проверить, что нужно её поставкам.</translation>
    </message>
    <message>
        <source>Checking… %1 of %2 answered.</source>
        <translation>Проверка… ответили %1 из %2.</translation>
    </message>
    <message>
        <source>Deliveries would fail: fix what is broken first.</source>
        <translation>Поставки не удадутся: сначала устраните неисправности.</translation>
    </message>
    <message>
        <source>Everything a delivery needs is ok.</source>
        <translation>Всё, что нужно поставке, в порядке.</translation>
    </message>
    <message>
        <source>%1 checks in %2 s: %3 ok, %4, %5 broken, %6 skipped. %7</source>
        <translation>%1 проверок за %2 с: %3 в порядке, %4, %5 сломано, %6 пропущено. %7</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shipyard::DoctorView</name>
    <message>
        <source>&lt;b&gt;Health&lt;/b&gt;</source>
        <translation>&lt;b&gt;Здоровье&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Summary of the checks</source>
        <translation>Сводка проверок</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>Проверить &amp;снова</translation>
    </message>
    <message>
        <source>Check every cluster, server, repository and tool again</source>
        <translation>Снова проверить каждый кластер, сервер, репозиторий и инструмент</translation>
    </message>
    <message>
        <source>What deliveries need, checked</source>
        <translation>Проверка того, что нужно поставкам</translation>
    </message>
    <message>
        <source>Details of the selected check</source>
        <translation>Сведения о выбранной проверке</translation>
    </message>
    <message>
        <source>Select a check to see what it found and what to do about it.</source>
        <translation>Выберите проверку, чтобы увидеть, что она обнаружила и что с этим делать.</translation>
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
        <translation>%1 дн. %2 ч</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
</context>
<context>
    <name>Shipyard::EcosystemSourceView</name>
    <message>
        <source>Ecosystem file</source>
        <translation>Файл экосистемы</translation>
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
        <translation>Задачи: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>the same commit %1</source>
        <translation>тот же коммит %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %n commit(s) only in %3</source>
        <translation>
            <numerusform>%1 → %2: %n коммит только в %3</numerusform>
            <numerusform>%1 → %2: %n коммита только в %3</numerusform>
            <numerusform>%1 → %2: %n коммитов только в %3</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>System / commit</source>
        <translation>Система / коммит</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Tasks / author</source>
        <translation>Задачи / автор</translation>
    </message>
</context>
<context>
    <name>Shipyard::EnvironmentMatrixModel</name>
    <message>
        <source>not delivered here</source>
        <translation>не поставляется сюда</translation>
    </message>
    <message>
        <source>%1
no live data yet</source>
        <translation>%1
нет данных из кластера</translation>
    </message>
    <message>
        <source>The environment &apos;%1&apos; does not run %2.</source>
        <translation>В окружении «%1» нет %2.</translation>
    </message>
    <message>
        <source>%1 is protected: actions ask you to type its name.</source>
        <translation>%1 защищено: действия требуют ввести его имя.</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>контекст %1</translation>
    </message>
    <message>
        <source>%1 · context %2</source>
        <translation>%1 · контекст %2</translation>
    </message>
    <message>
        <source>%1
one per task</source>
        <translation>%1
по одному на задачу</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>нет подключения</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>подключение…</translation>
    </message>
    <message>
        <source>not deployed</source>
        <translation>не развёрнуто</translation>
    </message>
    <message>
        <source>%1 (context %2) cannot be reached: %3</source>
        <translation>%1 (контекст %2) недоступен: %3</translation>
    </message>
    <message>
        <source>
Commit: %1</source>
        <translation>
Коммит: %1</translation>
    </message>
    <message>
        <source>
Tasks: %1</source>
        <translation>
Задачи: %1</translation>
    </message>
    <message>
        <source>
Created: %1</source>
        <translation>
Создан: %1</translation>
    </message>
    <message>
        <source>%1 in namespace %2 of context %3.</source>
        <translation>%1 в пространстве имён %2 контекста %3.</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>меньше минуты</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 дн. %2 ч</translation>
    </message>
    <message>
        <source>Showroom of %1, namespace %2</source>
        <translation>Шоурум задачи %1, пространство имён %2</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Создатель: %1</translation>
    </message>
    <message>
        <source>someone unknown</source>
        <translation>неизвестен</translation>
    </message>
    <message>
        <source>Being torn down</source>
        <translation>Удаляется</translation>
    </message>
    <message>
        <source>Never expires by itself: the sweep removes it once its task is done</source>
        <translation>Сам не истекает: очистка удалит его, как только задача будет выполнена</translation>
    </message>
    <message>
        <source>Expired %1 ago (%2): the next sweep removes it</source>
        <translation>Истёк %1 назад (%2): следующая очистка удалит его</translation>
    </message>
    <message>
        <source>Expires in %1 (%2)</source>
        <translation>До истечения: %1 (%2)</translation>
    </message>
    <message>
        <source>Showrooms of %1 are namespaces %2 of context %3, one per task; they are not watched.</source>
        <translation>Шоурумы %1 — это пространства имён %2 контекста %3, по одному на задачу; они не отслеживаются.</translation>
    </message>
    <message>
        <source>Listing the showrooms of %1 in context %2…</source>
        <translation>Получение списка шоурумов %1 в контексте %2…</translation>
    </message>
    <message>
        <source>The showrooms of %1 (context %2) cannot be listed: %3</source>
        <translation>Не удаётся получить список шоурумов %1 (контекст %2): %3</translation>
    </message>
    <message>
        <source>No showroom of %1 is up. Each task&apos;s showroom (namespace %2 of context %3) gets a column of its own while it is up.</source>
        <translation>Ни один шоурум %1 не запущен. Шоурум каждой задачи (пространство имён %2 контекста %3) получает собственный столбец, пока он запущен.</translation>
    </message>
    <message>
        <source>no showroom up</source>
        <translation>нет запущенных шоурумов</translation>
    </message>
    <message>
        <source>%1 is not deployed in namespace %2 of context %3.</source>
        <translation>Система %1 не развёрнута в пространстве имён %2 контекста %3.</translation>
    </message>
    <message>
        <source>tearing down · %1</source>
        <translation>удаляется · %1</translation>
    </message>
    <message>
        <source>%1
Context %2</source>
        <translation>%1
Контекст %2</translation>
    </message>
    <message>
        <source>
Rendered from: %1</source>
        <translation>
Источник рендеринга: %1</translation>
    </message>
    <message>
        <source>Asleep since %1: its Deployments are scaled to zero (shipyardctl showroom wake %2)</source>
        <translation>Спит с %1: его Deployment масштабированы до нуля (shipyardctl showroom wake %2)</translation>
    </message>
    <message>
        <source>Pinned by %1: %2. The sweep keeps it past its expiry.</source>
        <translation>Закреплён пользователем %1: %2. Очистка сохраняет его после истечения срока.</translation>
    </message>
    <message>
        <source>☾ asleep · %1</source>
        <translation>☾ спит · %1</translation>
    </message>
    <message>
        <source>📌 pinned · %1</source>
        <translation>📌 закреплён · %1</translation>
    </message>
    <message>
        <source>Deliveries are refused until then, unless a person says why they cannot wait.</source>
        <translation>До этого момента поставки отклоняются, если только человек не объяснит, почему они не могут ждать.</translation>
    </message>
    <message>
        <source>canary %1 % · %2</source>
        <translation>canary %1 % · %2</translation>
    </message>
    <message>
        <source>

Canary: %1 on %2/%3 pods beside these, step %4 of %5 (%6 % of the pods).</source>
        <translation>

Canary: %1 на %2/%3 подах рядом с этими, шаг %4 из %5 (%6 % подов).</translation>
    </message>
    <message>
        <source>
It waits for a person to promote or abort it: the Pipeline view, or shipyardctl canary promote|abort %1.</source>
        <translation>
Он ждёт, пока кто-нибудь продвинет или прервёт его: в представлении «Конвейер» или командой shipyardctl canary promote|abort %1.</translation>
    </message>
    <message>
        <source>‖ canary %1 % · %2</source>
        <translation>‖ canary %1 % · %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n ч назад</numerusform>
            <numerusform>%n ч назад</numerusform>
            <numerusform>%n ч назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <source>✔ Healthy: rolled out, every replica ready.</source>
        <translation>✔ Исправно: выкачено, все реплики готовы.</translation>
    </message>
    <message>
        <source>⟳ Rolling out: new pods are starting and old ones are being replaced.</source>
        <translation>⟳ Выкатка: новые поды запускаются, старые заменяются.</translation>
    </message>
    <message>
        <source>⚠ Degraded: rolled out, but fewer replicas are ready than wanted (a pod crashed, or its node went away).</source>
        <translation>⚠ Деградация: выкачено, но готовых реплик меньше, чем нужно (под упал или его узел пропал).</translation>
    </message>
    <message>
        <source>✘ Rollout failed: it did not finish within its progress deadline. A delivery that sees this rolls the environment back.</source>
        <translation>✘ Выкатка не удалась: она не завершилась в отведённый срок (progress deadline). Поставка, увидев это, откатывает окружение.</translation>
    </message>
    <message>
        <source>%1
⟳ %2/%3 ready · rolling out</source>
        <translation>%1
⟳ %2/%3 готово · выкатка</translation>
    </message>
    <message>
        <source>%1
✔ %2/%3 ready</source>
        <translation>%1
✔ %2/%3 готово</translation>
    </message>
    <message>
        <source>%1
⚠ %2/%3 ready · degraded</source>
        <translation>%1
⚠ %2/%3 готово · деградация</translation>
    </message>
    <message>
        <source>%1
✘ %2/%3 ready · rollout failed</source>
        <translation>%1
✘ %2/%3 готово · выкатка не удалась</translation>
    </message>
    <message>
        <source>%1 in %2/%3
%4
</source>
        <translation>%1 в %2/%3
%4
</translation>
    </message>
    <message>
        <source>
Version: %1 (git describe --tags of the delivered commit)</source>
        <translation>
Версия: %1 (git describe --tags поставленного коммита)</translation>
    </message>
    <message>
        <source>
Image: %1
%2</source>
        <translation>
Образ: %1
%2</translation>
    </message>
    <message>
        <source>
Delivered by %1, %2 (%3)</source>
        <translation>
Поставлено пользователем %1, %2 (%3)</translation>
    </message>
    <message>
        <source>
❄ frozen until %1</source>
        <translation>
❄ заморожено до %1</translation>
    </message>
    <message>
        <source>
next freeze %1</source>
        <translation>
следующая заморозка %1</translation>
    </message>
    <message numerus="yes">
        <source>
⚑ %1 delivers · %n waiting</source>
        <translation>
            <numerusform>
⚑ %1 выполняет поставку · %n ждёт</numerusform>
            <numerusform>
⚑ %1 выполняет поставку · %n ждут</numerusform>
            <numerusform>
⚑ %1 выполняет поставку · %n ждут</numerusform>
        </translation>
    </message>
    <message>
        <source>
⚑ %1 delivers</source>
        <translation>
⚑ %1 выполняет поставку</translation>
    </message>
    <message numerus="yes">
        <source>
%n waiting</source>
        <translation>
            <numerusform>
%n ждёт</numerusform>
            <numerusform>
%n ждут</numerusform>
            <numerusform>
%n ждут</numerusform>
        </translation>
    </message>
    <message>
        <source>⚑ Delivery lock held by %1 since %2%3</source>
        <translation>⚑ Блокировку поставок держит %1 с %2%3</translation>
    </message>
    <message>
        <source>Waiting since %2: %1%3</source>
        <translation>Ожидает с %2: %1%3</translation>
    </message>
</context>
<context>
    <name>Shipyard::EventListModel</name>
    <message>
        <source>%1s ago</source>
        <translation>%1 с назад</translation>
    </message>
    <message>
        <source>%1m ago</source>
        <translation>%1 мин назад</translation>
    </message>
    <message>
        <source>%1h ago</source>
        <translation>%1 ч назад</translation>
    </message>
    <message>
        <source>%1 (from %2, at %3)</source>
        <translation>%1 (от %2, в %3)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Последний раз</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>Shipyard::FreezeWatch</name>
    <message>
        <source>Frozen %1</source>
        <translation>Заморожено %1</translation>
    </message>
    <message>
        <source>Next freeze: %1</source>
        <translation>Следующая заморозка: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::HistoryView</name>
    <message>
        <source>E&amp;nvironment:</source>
        <translation>Ок&amp;ружение:</translation>
    </message>
    <message>
        <source>Environment of the history</source>
        <translation>Окружение истории</translation>
    </message>
    <message>
        <source>Filter: release, person, task, image, result…</source>
        <translation>Фильтр: релиз, человек, задача, образ, результат…</translation>
    </message>
    <message>
        <source>Filter the releases</source>
        <translation>Фильтровать релизы</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Read the release records again</source>
        <translation>Заново прочитать записи о релизах</translation>
    </message>
    <message>
        <source>&amp;Roll Back to This Release…</source>
        <translation>Отк&amp;атить к этому релизу…</translation>
    </message>
    <message>
        <source>Roll back to the selected release</source>
        <translation>Откатить к выбранному релизу</translation>
    </message>
    <message>
        <source>Releases, newest first</source>
        <translation>Релизы, новые первыми</translation>
    </message>
    <message>
        <source>State of the history</source>
        <translation>Состояние истории</translation>
    </message>
    <message>
        <source>No releases recorded in %1 yet: every delivery and rollback records one.</source>
        <translation>В %1 ещё не записано ни одного релиза: каждая поставка и каждый откат записывают релиз.</translation>
    </message>
    <message numerus="yes">
        <source>%n release(s) in %1.</source>
        <translation>
            <numerusform>%n релиз в %1.</numerusform>
            <numerusform>%n релиза в %1.</numerusform>
            <numerusform>%n релизов в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open an ecosystem to see its releases.</source>
        <translation>Откройте экосистему, чтобы увидеть её релизы.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading the releases of %1…</source>
        <translation>Чтение релизов %1…</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: removed (it did not exist then)&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: удаляется (тогда его не было)&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: &lt;tt&gt;%2&lt;/tt&gt;&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: &lt;tt&gt;%2&lt;/tt&gt;&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (context &lt;tt&gt;%2&lt;/tt&gt;, namespace &lt;tt&gt;%3&lt;/tt&gt;) goes back to release &lt;b&gt;%4&lt;/b&gt; of %5, exactly as recorded: every object re-applied, objects added since then removed:&lt;/p&gt;&lt;ul&gt;%6&lt;/ul&gt;&lt;p&gt;The running release%7 is marked rolled back and the restored state recorded as a new release. The environment&apos;s delivery lock is held meanwhile.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (контекст &lt;tt&gt;%2&lt;/tt&gt;, пространство имён &lt;tt&gt;%3&lt;/tt&gt;) возвращается к релизу &lt;b&gt;%4&lt;/b&gt; от %5 точно в записанном виде: все объекты применяются заново, добавленные с тех пор объекты удаляются:&lt;/p&gt;&lt;ul&gt;%6&lt;/ul&gt;&lt;p&gt;Текущий релиз%7 помечается как откаченный, а восстановленное состояние записывается как новый релиз. На это время удерживается блокировка поставок окружения.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>Откат %1</translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation>&amp;Откатить</translation>
    </message>
    <message>
        <source>Rolling %1 back to %2…</source>
        <translation>Откат %1 к %2…</translation>
    </message>
    <message>
        <source>%1 is back at %2 (new release %3, %4 s).</source>
        <translation>%1 снова на %2 (новый релиз %3, %4 с).</translation>
    </message>
    <message>
        <source>Rollback of %1 failed: %2</source>
        <translation>Откат %1 не удался: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::ImageBuilder</name>
    <message>
        <source>%1: “%2” is not a valid image name</source>
        <translation>%1: «%2» — недопустимое имя образа</translation>
    </message>
    <message>
        <source>%1: cannot create the image storage %2</source>
        <translation>%1: не удаётся создать хранилище образов %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: отменено</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>предупреждение: %1</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>the registry credentials are not set (%1, %2)</source>
        <translation>учётные данные реестра не заданы (%1, %2)</translation>
    </message>
    <message>
        <source>cannot write the registry credentials to %1: %2</source>
        <translation>не удаётся записать учётные данные реестра в %1: %2</translation>
    </message>
    <message>
        <source>the registry %1 may be reached over plain http (%2), so its credentials are not sent; use https, or set registry.sendCredentialsOverHttp: true to send them anyway</source>
        <translation>реестр %1 может быть доступен по незашифрованному http (%2), поэтому его учётные данные не отправляются; используйте https или задайте registry.sendCredentialsOverHttp: true, чтобы всё равно отправлять их</translation>
    </message>
    <message>
        <source>insecure: true</source>
        <translation>insecure: true</translation>
    </message>
    <message>
        <source>an http:// url</source>
        <translation>URL с http://</translation>
    </message>
</context>
<context>
    <name>Shipyard::ImagesInUse</name>
    <message>
        <source>its release records: %1</source>
        <translation>его записи о релизах: %1</translation>
    </message>
    <message>
        <source>release %1 of %2</source>
        <translation>релиз %1 (%2)</translation>
    </message>
    <message>
        <source>environment %1 (context %2) cannot be read: %3</source>
        <translation>не удаётся прочитать окружение %1 (контекст %2): %3</translation>
    </message>
    <message>
        <source>live in %1/%2</source>
        <translation>работает в %1/%2</translation>
    </message>
    <message>
        <source>environment %1 (namespace %2 of context %3) cannot be read: %4</source>
        <translation>не удаётся прочитать окружение %1 (пространство имён %2 контекста %3): %4</translation>
    </message>
    <message>
        <source>environment %1 (context %2): its showrooms cannot be listed: %3</source>
        <translation>окружение %1 (контекст %2): не удаётся получить список шоурумов: %3</translation>
    </message>
    <message>
        <source>showroom %1</source>
        <translation>шоурум %1</translation>
    </message>
    <message>
        <source>environment %1: showroom %2 (context %3) cannot be read: %4</source>
        <translation>окружение %1: не удаётся прочитать шоурум %2 (контекст %3): %4</translation>
    </message>
</context>
<context>
    <name>Shipyard::LogFilter</name>
    <message>
        <source>not a regular expression: %1 at %2</source>
        <translation>недопустимое регулярное выражение: %1 в позиции %2</translation>
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
        <translation>&amp;Окружения</translation>
    </message>
    <message>
        <source>Open an ecosystem file to begin (File → Open).</source>
        <translation>Чтобы начать, откройте файл экосистемы (Файл → Открыть).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Systems × environments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Системы × окружения&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Environment matrix</source>
        <translation>Матрица окружений</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt;</source>
        <translation>&lt;b&gt;Проблемы&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Problems in the ecosystem file</source>
        <translation>Проблемы в файле экосистемы</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Open Ecosystem…</source>
        <translation>&amp;Открыть экосистему…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Перезагрузить</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Shipyard</source>
        <translation>&amp;О Shipyard</translation>
    </message>
    <message>
        <source>About Shipyard</source>
        <translation>О Shipyard</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shipyard %1&lt;/h3&gt;&lt;p&gt;A control center for delivering microservices to Kubernetes: environments, deliveries, rollbacks and showrooms.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Shipyard %1&lt;/h3&gt;&lt;p&gt;Центр управления поставкой микросервисов в Kubernetes: окружения, поставки, откаты и шоурумы.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Ecosystem</source>
        <translation>Открыть экосистему</translation>
    </message>
    <message>
        <source>Ecosystem files (*.yaml *.yml);;All files (*)</source>
        <translation>Файлы экосистемы (*.yaml *.yml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; — none</source>
        <translation>&lt;b&gt;Проблемы&lt;/b&gt; — нет</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; — %1 error(s), %2 warning(s)</source>
        <translation>&lt;b&gt;Проблемы&lt;/b&gt; — ошибок: %1, предупреждений: %2</translation>
    </message>
    <message>
        <source>%1 — Shipyard</source>
        <translation>%1 — Shipyard</translation>
    </message>
    <message>
        <source>%1 has errors; fix them and reload (F5).</source>
        <translation>В %1 есть ошибки; исправьте их и перезагрузите (F5).</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Палитра команд…</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Конвейер</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Задачи</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>К&amp;ластер</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Метрики</translation>
    </message>
    <message>
        <source>Select a cell to see the system&apos;s details in that environment.</source>
        <translation>Выберите ячейку, чтобы увидеть сведения о системе в этом окружении.</translation>
    </message>
    <message>
        <source>Details of the selected cell</source>
        <translation>Сведения о выбранной ячейке</translation>
    </message>
    <message>
        <source>&amp;Delivery</source>
        <translation>&amp;Поставка</translation>
    </message>
    <message>
        <source>&amp;Deliver…</source>
        <translation>&amp;Поставить…</translation>
    </message>
    <message>
        <source>&amp;Cancel Delivery</source>
        <translation>О&amp;тменить поставку</translation>
    </message>
    <message>
        <source>&amp;Roll Back to the Selected Release…</source>
        <translation>Откатить к в&amp;ыбранному релизу…</translation>
    </message>
    <message>
        <source>%1: %2 systems, %3 environments.</source>
        <translation>%1: систем: %2, окружений: %3.</translation>
    </message>
    <message>
        <source>Co&amp;mpare Environments…</source>
        <translation>Сра&amp;внить окружения…</translation>
    </message>
    <message>
        <source>&amp;Tear Down Showroom…</source>
        <translation>&amp;Удалить шоурум…</translation>
    </message>
    <message>
        <source>Open an ecosystem without errors to compare its environments.</source>
        <translation>Откройте экосистему без ошибок, чтобы сравнить её окружения.</translation>
    </message>
    <message>
        <source>Filter: system, tag, task…</source>
        <translation>Фильтр: система, тег, задача…</translation>
    </message>
    <message>
        <source>Filter the systems of the matrix</source>
        <translation>Фильтровать системы матрицы</translation>
    </message>
    <message>
        <source>Hea&amp;lth</source>
        <translation>З&amp;доровье</translation>
    </message>
    <message>
        <source>System &amp;Log</source>
        <translation>&amp;Журнал системы</translation>
    </message>
    <message>
        <source>Stop &amp;Waiting</source>
        <translation>&amp;Не ждать</translation>
    </message>
    <message>
        <source>Kubernetes goes on deleting the showroom&apos;s namespace; Shipyard stops waiting for it.</source>
        <translation>Kubernetes продолжает удалять пространство имён шоурума; Shipyard больше его не ждёт.</translation>
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
        <translation>записи о релизах %1: %2</translation>
    </message>
</context>
<context>
    <name>Shipyard::MetricsView</name>
    <message>
        <source>E&amp;nvironment:</source>
        <translation>Ок&amp;ружение:</translation>
    </message>
    <message>
        <source>Environment of the metrics</source>
        <translation>Окружение метрик</translation>
    </message>
    <message>
        <source>&amp;Over:</source>
        <translation>П&amp;ериод:</translation>
    </message>
    <message>
        <source>Period of the metrics</source>
        <translation>Период метрик</translation>
    </message>
    <message numerus="yes">
        <source>the last %n day(s)</source>
        <translation>
            <numerusform>последний %n день</numerusform>
            <numerusform>последние %n дня</numerusform>
            <numerusform>последние %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>State of the metrics</source>
        <translation>Состояние метрик</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Read the releases and the monitoring again</source>
        <translation>Заново прочитать релизы и мониторинг</translation>
    </message>
    <message>
        <source>Deployment frequency</source>
        <translation>Частота развёртываний</translation>
    </message>
    <message>
        <source>Change failure rate</source>
        <translation>Доля неудачных изменений</translation>
    </message>
    <message>
        <source>Time to restore</source>
        <translation>Время восстановления</translation>
    </message>
    <message>
        <source>Lead time for changes</source>
        <translation>Время внесения изменений</translation>
    </message>
    <message>
        <source>Deployments per day</source>
        <translation>Развёртываний в день</translation>
    </message>
    <message>
        <source>Monitoring around the latest releases</source>
        <translation>Мониторинг вокруг последних релизов</translation>
    </message>
    <message>
        <source>Open an ecosystem to see its metrics.</source>
        <translation>Откройте экосистему, чтобы увидеть её метрики.</translation>
    </message>
    <message>
        <source>No environment chosen.</source>
        <translation>Окружение не выбрано.</translation>
    </message>
    <message>
        <source>%1, details</source>
        <translation>%1, подробности</translation>
    </message>
    <message>
        <source>Reading the releases of %1…</source>
        <translation>Чтение релизов %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) of %1 since %2.</source>
        <translation>
            <numerusform>%n развёртывание в %1 с %2.</numerusform>
            <numerusform>%n развёртывания в %1 с %2.</numerusform>
            <numerusform>%n развёртываний в %1 с %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation>%1 в день</translation>
    </message>
    <message>
        <source>%1 per week</source>
        <translation>%1 в неделю</translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) in %1 day(s)</source>
        <translation>
            <numerusform>%n развёртывание за %1 дн.</numerusform>
            <numerusform>%n развёртывания за %1 дн.</numerusform>
            <numerusform>%n развёртываний за %1 дн.</numerusform>
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
            <numerusform>сбой или откат: %1 из %n развёртывания</numerusform>
            <numerusform>сбой или откат: %1 из %n развёртываний</numerusform>
            <numerusform>сбой или откат: %1 из %n развёртываний</numerusform>
        </translation>
    </message>
    <message>
        <source>no deployments</source>
        <translation>нет развёртываний</translation>
    </message>
    <message>
        <source>no failures</source>
        <translation>нет сбоев</translation>
    </message>
    <message numerus="yes">
        <source>mean over %n failure(s), to the next good release</source>
        <translation>
            <numerusform>среднее по %n сбою, до следующего удачного релиза</numerusform>
            <numerusform>среднее по %n сбоям, до следующего удачного релиза</numerusform>
            <numerusform>среднее по %n сбоям, до следующего удачного релиза</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 restored, %2 not yet</source>
        <translation>восстановлено: %1, ещё нет: %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message numerus="yes">
        <source>median from commit to release over %n commit(s)</source>
        <translation>
            <numerusform>медиана от коммита до релиза по %n коммиту</numerusform>
            <numerusform>медиана от коммита до релиза по %n коммитам</numerusform>
            <numerusform>медиана от коммита до релиза по %n коммитам</numerusform>
        </translation>
    </message>
    <message>
        <source>the delivered commits are not in a repository on this machine</source>
        <translation>поставленных коммитов нет ни в одном репозитории на этом компьютере</translation>
    </message>
    <message>
        <source>no delivered commits: the images were given</source>
        <translation>нет поставленных коммитов: образы были заданы готовыми</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <source>failed or rolled back</source>
        <translation>сбой или откат</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No monitoring configured.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Name a Prometheus and a query under &lt;tt&gt;rollback.monitoring&lt;/tt&gt; in the ecosystem file to see the error rate around each release here, and to roll back automatically when it exceeds its threshold.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Мониторинг не настроен.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Укажите Prometheus и запрос в разделе &lt;tt&gt;rollback.monitoring&lt;/tt&gt; файла экосистемы, чтобы видеть здесь долю ошибок вокруг каждого релиза и автоматически откатываться, когда она превышает порог.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Monitoring unavailable.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Мониторинг недоступен.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Monitoring query around the latest releases</source>
        <translation>Запрос мониторинга вокруг последних релизов</translation>
    </message>
    <message>
        <source>query</source>
        <translation>запрос</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>порог %1</translation>
    </message>
    <message>
        <source>good release</source>
        <translation>удачный релиз</translation>
    </message>
    <message>
        <source>failed release</source>
        <translation>неудачный релиз</translation>
    </message>
    <message>
        <source>Monitoring query around the latest releases — no data</source>
        <translation>Запрос мониторинга вокруг последних релизов — нет данных</translation>
    </message>
</context>
<context>
    <name>Shipyard::PipelineGraphView</name>
    <message>
        <source>No delivery in this session yet. Choose “Deliver…” to start one.</source>
        <translation>В этом сеансе поставок ещё не было. Выберите «Поставить…», чтобы начать.</translation>
    </message>
    <message>
        <source>Delivery steps</source>
        <translation>Шаги поставки</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
</context>
<context>
    <name>Shipyard::PipelineView</name>
    <message>
        <source>E&amp;nvironment:</source>
        <translation>Ок&amp;ружение:</translation>
    </message>
    <message>
        <source>Environment of the pipeline</source>
        <translation>Окружение конвейера</translation>
    </message>
    <message>
        <source>Holder of the environment&apos;s delivery lock</source>
        <translation>Владелец блокировки поставок окружения</translation>
    </message>
    <message>
        <source>&amp;Deliver…</source>
        <translation>По&amp;ставить…</translation>
    </message>
    <message>
        <source>Deliver systems into an environment</source>
        <translation>Поставить системы в окружение</translation>
    </message>
    <message>
        <source>&amp;Cancel Delivery</source>
        <translation>О&amp;тменить поставку</translation>
    </message>
    <message>
        <source>Cancel the running delivery</source>
        <translation>Отменить текущую поставку</translation>
    </message>
    <message>
        <source>Stops at the next check; whatever was applied is rolled back.</source>
        <translation>Остановится на следующей проверке; всё применённое будет откачено.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No delivery started from this window yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Из этого окна ещё не запускалось ни одной поставки.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What the delivery delivers</source>
        <translation>Содержимое поставки</translation>
    </message>
    <message>
        <source>State of the delivery</source>
        <translation>Состояние поставки</translation>
    </message>
    <message>
        <source>Deliver into %1</source>
        <translation>Поставка в %1</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>&amp;Поставить</translation>
    </message>
    <message>
        <source>No environment named %1.</source>
        <translation>Нет окружения с именем %1.</translation>
    </message>
    <message>
        <source>A delivery into %1 is still running.</source>
        <translation>Поставка в %1 ещё выполняется.</translation>
    </message>
    <message>
        <source>%1 (built from %2)</source>
        <translation>%1 (собран из %2)</translation>
    </message>
    <message>
        <source>upstream</source>
        <translation>upstream</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery into %1&lt;/b&gt; — %2 — started %3</source>
        <translation>&lt;b&gt;Поставка в %1&lt;/b&gt; — %2 — начата %3</translation>
    </message>
    <message>
        <source>Delivering into %1…</source>
        <translation>Поставка в %1…</translation>
    </message>
    <message>
        <source>Cancelling: what was applied is being rolled back…</source>
        <translation>Отмена: всё применённое откатывается…</translation>
    </message>
    <message>
        <source>Delivered into %1 in %2 s (release %3).</source>
        <translation>Поставлено в %1 за %2 с (релиз %3).</translation>
    </message>
    <message>
        <source>Failed at %1: %2</source>
        <translation>Сбой на шаге %1: %2</translation>
    </message>
    <message>
        <source>Rolled back to %1 after %2 failed: %3</source>
        <translation>Откат к %1 после сбоя шага %2: %3</translation>
    </message>
    <message>
        <source>Cancelled; %1 restored.</source>
        <translation>Отменено; восстановлено: %1.</translation>
    </message>
    <message>
        <source>nothing was applied, nothing</source>
        <translation>ничего (ничего не применялось)</translation>
    </message>
    <message>
        <source>Lock: unknown</source>
        <translation>Блокировка: неизвестно</translation>
    </message>
    <message>
        <source>Lock: free</source>
        <translation>Блокировка: свободна</translation>
    </message>
    <message>
        <source>No delivery holds this environment.</source>
        <translation>Это окружение не занято ни одной поставкой.</translation>
    </message>
    <message>
        <source>Lock held by &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Блокировку держит &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deliveries into this environment wait for %1 to finish.</source>
        <translation>Поставки в это окружение ждут, пока %1 не закончит.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No delivery recorded in %1 yet.&lt;/b&gt;</source>
        <translation>&lt;b&gt;В %1 ещё не записано ни одной поставки.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The latest delivery into %1&lt;/b&gt;: release %2 by %3, %4</source>
        <translation>&lt;b&gt;Последняя поставка в %1&lt;/b&gt;: релиз %2, автор: %3, %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Lock: the delivery&apos;s own</source>
        <translation>Блокировка: у самой поставки</translation>
    </message>
    <message>
        <source>The delivery shown holds the lock of the namespace it delivers into.</source>
        <translation>Показанная поставка держит блокировку пространства имён, в которое выполняет поставку.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — started %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — начата %2</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Deliveries waiting for the environment</source>
        <translation>Поставки, ожидающие окружения</translation>
    </message>
    <message>
        <source>Holder and queue of the environment&apos;s delivery lock</source>
        <translation>Владелец и очередь блокировки поставок окружения</translation>
    </message>
    <message>
        <source>(release %1 was recorded without its log)</source>
        <translation>(релиз %1 записан без журнала)</translation>
    </message>
    <message>
        <source>Queue: unknown</source>
        <translation>Очередь: неизвестно</translation>
    </message>
    <message>
        <source>Who holds the environment&apos;s delivery lock and who waits for it, first come, first served.</source>
        <translation>Кто держит блокировку поставок окружения и кто её ждёт, в порядке очереди.</translation>
    </message>
    <message>
        <source>Freeze windows of the environment</source>
        <translation>Окна заморозки окружения</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;❄ %1 is frozen %2.&lt;/b&gt; Deliver now only if it cannot wait: say why below. Your reason is kept in the audit journal and the release record.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;❄ Окружение %1 заморожено %2.&lt;/b&gt; Выполняйте поставку сейчас, только если она не может ждать: укажите причину ниже. Причина сохранится в журнале аудита и в записи релиза.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Why it cannot wait for the freeze to end:</source>
        <translation>Почему нельзя дождаться конца заморозки:</translation>
    </message>
    <message>
        <source>&lt;b&gt;❄ Frozen until %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;❄ Заморожено до %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Next freeze: %1</source>
        <translation>Следующая заморозка: %1</translation>
    </message>
    <message>
        <source>Deliver &amp;Anyway…</source>
        <translation>&amp;Всё равно поставить…</translation>
    </message>
    <message>
        <source>Deliver although alerts fire, saying why</source>
        <translation>Поставить, несмотря на сработавшие оповещения, указав причину</translation>
    </message>
    <message>
        <source>Alerts of the environment fire: deliver only if it cannot wait.</source>
        <translation>Сработали оповещения окружения: поставляйте, только если это не может ждать.</translation>
    </message>
    <message>
        <source>Deliver into %1 although alerts fire</source>
        <translation>Поставка в %1, несмотря на оповещения</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Deliver now only if it cannot wait: say why below. Your reason is kept in the audit journal and the release record, and the alerts firing now are not held against this release; a new one still rolls it back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Поставляйте сейчас, только если это не может ждать: укажите причину ниже. Причина сохраняется в журнале аудита и в записи релиза; сработавшие сейчас оповещения не ставятся этому релизу в вину, но новое всё равно его откатит.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Deliver &amp;Anyway</source>
        <translation>&amp;Всё равно поставить</translation>
    </message>
    <message>
        <source>Why it cannot wait for the alerts to stop:</source>
        <translation>Почему нельзя подождать, пока оповещения прекратятся:</translation>
    </message>
    <message>
        <source>Unfinished: the delivery of release %1 stopped before it ended, and none holds the lock now. The next delivery into %2 restores the last good release first (rollback.onInterrupted), or run shipyardctl rollback.</source>
        <translation>Не завершена: поставка релиза %1 остановилась, не дойдя до конца, и блокировку сейчас никто не держит. Следующая поставка в %2 сначала восстановит последний исправный релиз (rollback.onInterrupted); или выполните shipyardctl rollback.</translation>
    </message>
    <message>
        <source>In progress, run by %1.</source>
        <translation>Выполняется, запустил %1.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>In progress, run by %1: %2.</source>
        <translation>Выполняется, запустил %1: %2.</translation>
    </message>
    <message>
        <source>In progress, run by %1: %2, %3.</source>
        <translation>Выполняется, запустил %1: %2, %3.</translation>
    </message>
</context>
<context>
    <name>Shipyard::PodLogView</name>
    <message>
        <source>Search the log (Enter: next, Shift+Enter: previous)</source>
        <translation>Поиск в журнале (Enter — следующее, Shift+Enter — предыдущее)</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Поиск в журнале</translation>
    </message>
    <message>
        <source>Log status</source>
        <translation>Состояние журнала</translation>
    </message>
    <message>
        <source>Pod log</source>
        <translation>Журнал пода</translation>
    </message>
    <message>
        <source>Select a pod to follow its log.</source>
        <translation>Выберите под, чтобы следить за его журналом.</translation>
    </message>
    <message>
        <source>No log lines yet.</source>
        <translation>Строк журнала пока нет.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>… (lines dropped: the log grew faster than it could be shown)</source>
        <translation>… (строки пропущены: журнал рос быстрее, чем его удавалось показывать)</translation>
    </message>
    <message>
        <source>Cannot read the log of %1: %2</source>
        <translation>Не удаётся прочитать журнал %1: %2</translation>
    </message>
    <message>
        <source>The crashed container&apos;s log</source>
        <translation>Журнал упавшего контейнера</translation>
    </message>
    <message>
        <source>Log ended</source>
        <translation>Журнал закончился</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Отслеживается</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Контейнер</translation>
    </message>
    <message>
        <source>The container whose log is shown</source>
        <translation>Контейнер, журнал которого показан</translation>
    </message>
</context>
<context>
    <name>Shipyard::PrometheusClient</name>
    <message>
        <source>invalid Prometheus URL: %1</source>
        <translation>недопустимый URL Prometheus: %1</translation>
    </message>
    <message>
        <source>query to Prometheus cancelled</source>
        <translation>запрос к Prometheus отменён</translation>
    </message>
    <message>
        <source>Prometheus unreachable: %1 (%2)</source>
        <translation>Prometheus недоступен: %1 (%2)</translation>
    </message>
    <message>
        <source>Prometheus rejected the query: %1</source>
        <translation>Prometheus отклонил запрос: %1</translation>
    </message>
    <message>
        <source>Prometheus answered HTTP %1</source>
        <translation>Prometheus ответил HTTP %1</translation>
    </message>
    <message>
        <source>Prometheus failed to run the query (HTTP %1, %2): %3</source>
        <translation>Prometheus не смог выполнить запрос (HTTP %1, %2): %3</translation>
    </message>
    <message>
        <source>Prometheus sent an answer that is not an API response</source>
        <translation>Prometheus прислал ответ, который не является ответом API</translation>
    </message>
    <message>
        <source>Prometheus sent a result that cannot be read (type “%1”)</source>
        <translation>Prometheus прислал результат, который не удаётся прочитать (тип «%1»)</translation>
    </message>
    <message>
        <source>no credentials for Prometheus: %1</source>
        <translation>нет учётных данных для Prometheus: %1</translation>
    </message>
</context>
<context>
    <name>Shipyard::PrometheusResult</name>
    <message>
        <source>the query gives a %1, not a number</source>
        <translation>запрос возвращает %1, а не число</translation>
    </message>
    <message>
        <source>the query gives %1 series, not one number; aggregate it (e.g. with sum)</source>
        <translation>запрос возвращает рядов: %1, а не одно число; агрегируйте их (например, через sum)</translation>
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
        <translation>учётные данные не заданы (%1 пусто)</translation>
    </message>
    <message>
        <source>request to the registry %1 cancelled</source>
        <translation>запрос к реестру %1 отменён</translation>
    </message>
    <message>
        <source>registry unreachable: %1 (%2)</source>
        <translation>реестр недоступен: %1 (%2)</translation>
    </message>
    <message>
        <source>registry %1 refused the credentials (HTTP 401)%2</source>
        <translation>реестр %1 отклонил учётные данные (HTTP 401)%2</translation>
    </message>
    <message>
        <source>registry %1 requires authentication (HTTP 401): %2</source>
        <translation>реестр %1 требует аутентификации (HTTP 401): %2</translation>
    </message>
    <message>
        <source>registry %1 denied access to %2 (HTTP 403)%3</source>
        <translation>реестр %1 запретил доступ к %2 (HTTP 403)%3</translation>
    </message>
    <message>
        <source>registry %1 answered HTTP %2 for %3%4</source>
        <translation>реестр %1 ответил HTTP %2 на %3%4</translation>
    </message>
    <message>
        <source>not an image reference: %1</source>
        <translation>не ссылка на образ: %1</translation>
    </message>
    <message>
        <source>invalid registry URL: %1</source>
        <translation>недопустимый URL реестра: %1</translation>
    </message>
    <message>
        <source>image not found: %1</source>
        <translation>образ не найден: %1</translation>
    </message>
    <message>
        <source>registry %1 sent an unreadable manifest for %2</source>
        <translation>реестр %1 прислал нечитаемый манифест для %2</translation>
    </message>
    <message>
        <source>registry %1 sent a manifest whose digest is %2, not the one asked for: %3</source>
        <translation>реестр %1 прислал манифест с дайджестом %2, а не с запрошенным: %3</translation>
    </message>
    <message>
        <source>not a repository name: %1</source>
        <translation>не имя репозитория: %1</translation>
    </message>
    <message>
        <source>repository not found: %1/%2</source>
        <translation>репозиторий не найден: %1/%2</translation>
    </message>
    <message>
        <source>registry %1 sent an unreadable tag list for %2</source>
        <translation>реестр %1 прислал нечитаемый список тегов для %2</translation>
    </message>
    <message>
        <source>its credentials are not sent over plain http (%1); use https, or set registry.sendCredentialsOverHttp: true to send them anyway</source>
        <translation>учётные данные не отправляются по незашифрованному http (%1); используйте https или задайте registry.sendCredentialsOverHttp: true, чтобы всё равно отправлять их</translation>
    </message>
    <message>
        <source>insecure: true</source>
        <translation>insecure: true</translation>
    </message>
    <message>
        <source>registry %1 asks for a token from a realm that is no http(s) URL: “%2”</source>
        <translation>реестр %1 запрашивает токен у realm, который не является URL http(s): «%2»</translation>
    </message>
    <message>
        <source>its credentials are not sent to the token service over plain http (%1); use https, or set registry.sendCredentialsOverHttp: true to send them anyway</source>
        <translation>его учётные данные не отправляются сервису токенов по незашифрованному http (%1); используйте https или задайте registry.sendCredentialsOverHttp: true, чтобы всё равно их отправить</translation>
    </message>
    <message>
        <source>no credentials are configured (registry.usernameEnv, registry.passwordEnv)</source>
        <translation>учётные данные не настроены (registry.usernameEnv, registry.passwordEnv)</translation>
    </message>
    <message>
        <source>request to the token service %1 cancelled</source>
        <translation>запрос к сервису токенов %1 отменён</translation>
    </message>
    <message>
        <source>the token service of registry %1 is unreachable: %2 (%3)</source>
        <translation>сервис токенов реестра %1 недоступен: %2 (%3)</translation>
    </message>
    <message>
        <source>the token service %1 of registry %2 refused the credentials (HTTP %3)</source>
        <translation>сервис токенов %1 реестра %2 отклонил учётные данные (HTTP %3)</translation>
    </message>
    <message>
        <source>registry %1 requires authentication (its token service %2 answered HTTP %3): %4</source>
        <translation>реестр %1 требует аутентификации (его сервис токенов %2 ответил HTTP %3): %4</translation>
    </message>
    <message>
        <source>the token service %1 of registry %2 answered HTTP %3 without a token</source>
        <translation>сервис токенов %1 реестра %2 ответил HTTP %3 без токена</translation>
    </message>
    <message>
        <source>registry %1 refused the token its token service issued for %2 (HTTP 401)%3: the account lacks that right</source>
        <translation>реестр %1 отклонил токен, выданный его сервисом токенов для %2 (HTTP 401)%3: у учётной записи нет этого права</translation>
    </message>
    <message>
        <source>registry %1 refused the token its token service issued for %2 (HTTP 401%3)%4: the registry does not accept that service&apos;s tokens (its auth.token issuer, service or rootcertbundle)</source>
        <translation>реестр %1 отклонил токен, выданный его сервисом токенов для %2 (HTTP 401%3)%4: реестр не принимает токены этого сервиса (его auth.token issuer, service или rootcertbundle)</translation>
    </message>
    <message>
        <source>registry %1 sent no Docker-Content-Digest for %2</source>
        <translation>реестр %1 не прислал Docker-Content-Digest для %2</translation>
    </message>
    <message>
        <source>blob not found: %1/%2@%3</source>
        <translation>blob не найден: %1/%2@%3</translation>
    </message>
    <message>
        <source>registry %1 sent a blob whose digest is not %2</source>
        <translation>реестр %1 прислал blob, дайджест которого не %2</translation>
    </message>
    <message>
        <source>a manifest is deleted by digest, not by tag: %1</source>
        <translation>манифест удаляется по дайджесту, а не по тегу: %1</translation>
    </message>
    <message>
        <source>registry %1 does not allow deleting images (HTTP 405): enable deletion in its configuration (storage: {delete: {enabled: true}}, or REGISTRY_STORAGE_DELETE_ENABLED=true in its environment) and restart it</source>
        <translation>реестр %1 не разрешает удалять образы (HTTP 405): включите удаление в его конфигурации (storage: {delete: {enabled: true}} или REGISTRY_STORAGE_DELETE_ENABLED=true в его окружении) и перезапустите его</translation>
    </message>
    <message>
        <source>registry %1 has no API v2 (GET /v2/ answered 404)</source>
        <translation>у реестра %1 нет API v2 (GET /v2/ ответил 404)</translation>
    </message>
</context>
<context>
    <name>Shipyard::RegistryPrune</name>
    <message>
        <source>newest %1</source>
        <translation>среди %1 новейших</translation>
    </message>
    <message>
        <source>younger than %1</source>
        <translation>новее %1</translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>возраст неизвестен</translation>
    </message>
    <message>
        <source>same image as %1</source>
        <translation>тот же образ, что и %1</translation>
    </message>
    <message>
        <source>%1 names no registry (registry.url)</source>
        <translation>в %1 не указан реестр (registry.url)</translation>
    </message>
    <message>
        <source>no system named %1</source>
        <translation>нет системы с именем %1</translation>
    </message>
    <message>
        <source>system %1 has no image</source>
        <translation>у системы %1 нет образа</translation>
    </message>
    <message>
        <source>listing the tags of %1/%2</source>
        <translation>получение списка тегов %1/%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>reading the images in use in every environment</source>
        <translation>чтение используемых образов во всех окружениях</translation>
    </message>
    <message>
        <source>nothing deleted: the images in use could not be read completely, and deleting on partial knowledge could delete what runs there — %1</source>
        <translation>ничего не удалено: используемые образы не удалось прочитать полностью, а удаление на основе неполных сведений могло бы удалить то, что там работает, — %1</translation>
    </message>
    <message>
        <source>deleting %1/%2@%3 (%4)</source>
        <translation>удаление %1/%2@%3 (%4)</translation>
    </message>
</context>
<context>
    <name>Shipyard::ReleaseHistoryModel</name>
    <message>
        <source>no environment chosen</source>
        <translation>окружение не выбрано</translation>
    </message>
    <message>
        <source>release records of %1: %2</source>
        <translation>записи о релизах %1: %2</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>сбой</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>откачен</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>rollback: restores %1</source>
        <translation>откат: восстанавливает %1</translation>
    </message>
    <message>
        <source>rollback: restores %1 — %2</source>
        <translation>откат: восстанавливает %1 — %2</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Релиз</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Systems → images</source>
        <translation>Системы → образы</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>прерван</translation>
    </message>
    <message>
        <source>%1 %2 running</source>
        <translation>%1 %2: выполняется</translation>
    </message>
    <message>
        <source>%1 %2 done</source>
        <translation>%1 %2: готово</translation>
    </message>
    <message>
        <source>%1 %2 failed</source>
        <translation>%1 %2: сбой</translation>
    </message>
    <message>
        <source>%1 — Job %2</source>
        <translation>%1 — Job %2</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Миграции</translation>
    </message>
</context>
<context>
    <name>Shipyard::ReplicaTimeline</name>
    <message>
        <source>rollout started</source>
        <translation>выкатка начата</translation>
    </message>
    <message>
        <source>rolled out</source>
        <translation>выкатка завершена</translation>
    </message>
    <message>
        <source>rollout failed</source>
        <translation>сбой выкатки</translation>
    </message>
    <message>
        <source>rollout failed: %1</source>
        <translation>сбой выкатки: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>Желаемые</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Обновлённые</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готовые</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Доступные</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Недоступные</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Ревизия</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
</context>
<context>
    <name>Shipyard::RolloutChartView</name>
    <message>
        <source>Ready replicas over time</source>
        <translation>Готовые реплики по времени</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>желаемые</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>обновлённые</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готовые</translation>
    </message>
    <message>
        <source>rollout started</source>
        <translation>выкатка начата</translation>
    </message>
    <message>
        <source>rolled out</source>
        <translation>выкатка завершена</translation>
    </message>
    <message>
        <source>rollout failed</source>
        <translation>сбой выкатки</translation>
    </message>
    <message>
        <source>No replica counts recorded yet.</source>
        <translation>Число реплик ещё не записано.</translation>
    </message>
    <message>
        <source>%1 of %2 replicas ready, %3 updated</source>
        <translation>Готово реплик: %1 из %2, обновлено: %3</translation>
    </message>
    <message>
        <source>; rolled out at %1</source>
        <translation>; выкатка завершена в %1</translation>
    </message>
    <message>
        <source>; rollout failed at %1: %2</source>
        <translation>; сбой выкатки в %1: %2</translation>
    </message>
    <message>
        <source>; rollout failed at %1</source>
        <translation>; сбой выкатки в %1</translation>
    </message>
    <message>
        <source>; rollout of revision %1 started at %2</source>
        <translation>; выкатка ревизии %1 начата в %2</translation>
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
        <translation>%1 (текущая)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Ревизия</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Образ</translation>
    </message>
    <message>
        <source>Replica set</source>
        <translation>ReplicaSet</translation>
    </message>
    <message>
        <source>Change cause</source>
        <translation>Причина изменения</translation>
    </message>
</context>
<context>
    <name>Shipyard::SystemLogStream</name>
    <message>
        <source>Deployment %1 in %2 has no selector</source>
        <translation>У Deployment %1 в %2 нет селектора</translation>
    </message>
    <message>
        <source>Cannot read deployment %1 in %2: %3</source>
        <translation>Не удаётся прочитать Deployment %1 в %2: %3</translation>
    </message>
    <message>
        <source>Cannot watch the pods of %1: %2</source>
        <translation>Не удаётся наблюдать за подами %1: %2</translation>
    </message>
    <message>
        <source>The log of %1/%2: %3</source>
        <translation>Журнал %1/%2: %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::SystemLogView</name>
    <message>
        <source>Pod</source>
        <translation>Под</translation>
    </message>
    <message>
        <source>Show the lines of one pod, or of all</source>
        <translation>Показывать строки одного пода или всех</translation>
    </message>
    <message>
        <source>All pods</source>
        <translation>Все поды</translation>
    </message>
    <message>
        <source>Filter lines (case-insensitive)</source>
        <translation>Фильтр строк (без учёта регистра)</translation>
    </message>
    <message>
        <source>Filter the system&apos;s log</source>
        <translation>Фильтровать журнал системы</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Рег. выражение</translation>
    </message>
    <message>
        <source>Read the filter as a regular expression</source>
        <translation>Считать фильтр регулярным выражением</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Следить</translation>
    </message>
    <message>
        <source>Show new lines as they come; off: pause here (lines are still collected)</source>
        <translation>Показывать новые строки по мере поступления; выкл.: остановиться здесь (строки по-прежнему собираются)</translation>
    </message>
    <message>
        <source>System log status</source>
        <translation>Состояние журнала системы</translation>
    </message>
    <message>
        <source>System log</source>
        <translation>Журнал системы</translation>
    </message>
    <message>
        <source>Select a deployment to follow the log of all its pods.</source>
        <translation>Выберите Deployment, чтобы следить за журналом всех его подов.</translation>
    </message>
    <message>
        <source>No log lines yet.</source>
        <translation>Строк журнала пока нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) (%1 dropped)</source>
        <translation>
            <numerusform>%n строка (пропущено: %1)</numerusform>
            <numerusform>%n строки (пропущено: %1)</numerusform>
            <numerusform>%n строк (пропущено: %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n shown</source>
        <translation>
            <numerusform>, %n показана</numerusform>
            <numerusform>, %n показаны</numerusform>
            <numerusform>, %n показано</numerusform>
        </translation>
    </message>
    <message>
        <source>, paused</source>
        <translation>, приостановлено</translation>
    </message>
    <message numerus="yes">
        <source> · %n pod(s)</source>
        <translation>
            <numerusform> · %n под</numerusform>
            <numerusform> · %n пода</numerusform>
            <numerusform> · %n подов</numerusform>
        </translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Lead each line with its time (local, to the millisecond)</source>
        <translation>Начинать каждую строку с её времени (местного, до миллисекунды)</translation>
    </message>
</context>
<context>
    <name>Shipyard::TaskActionController</name>
    <message>
        <source>%1 d</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1: the ecosystem has no showroom environment to deliver into.</source>
        <translation>%1: в экосистеме нет окружения шоурумов для поставки.</translation>
    </message>
    <message>
        <source>%1: a delivery is still running; wait for it to end.</source>
        <translation>%1: поставка ещё выполняется; дождитесь её завершения.</translation>
    </message>
    <message>
        <source>%1: looking for its branches…</source>
        <translation>%1: поиск веток…</translation>
    </message>
    <message>
        <source>no system&apos;s repository has a branch naming %1: nothing to show</source>
        <translation>ни в одном репозитории систем нет ветки, указывающей %1: показывать нечего</translation>
    </message>
    <message>
        <source>%1 not delivered to a showroom: %2</source>
        <translation>%1 не поставлено в шоурум: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shipyard will deliver &lt;b&gt;%1&lt;/b&gt; into the showroom environment &lt;b&gt;%2&lt;/b&gt; (context &lt;tt&gt;%3&lt;/tt&gt;), namespace &lt;tt&gt;%4&lt;/tt&gt;, %5:&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;Shipyard поставит &lt;b&gt;%1&lt;/b&gt; в окружение шоурумов &lt;b&gt;%2&lt;/b&gt; (контекст &lt;tt&gt;%3&lt;/tt&gt;), пространство имён &lt;tt&gt;%4&lt;/tt&gt;, %5:&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>which exists already and is updated</source>
        <translation>которое уже существует и будет обновлено</translation>
    </message>
    <message>
        <source>created for it</source>
        <translation>которое будет создано для неё</translation>
    </message>
    <message>
        <source>built into &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>собранный в &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>as the image &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>как образ &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: its upstream &lt;tt&gt;%2&lt;/tt&gt;, %3&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: её upstream &lt;tt&gt;%2&lt;/tt&gt;, %3&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: the task&apos;s branch &lt;tt&gt;%2&lt;/tt&gt;, %3&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;%1&lt;/b&gt;: ветка задачи &lt;tt&gt;%2&lt;/tt&gt;, %3&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;/ul&gt;&lt;p&gt;The showroom lives for %1 (until about %2%3), then the sweep removes it; it also goes once the task is done or its branches are merged. Nothing is merged into upstream.&lt;/p&gt;</source>
        <translation>&lt;/ul&gt;&lt;p&gt;Шоурум проживёт %1 (примерно до %2%3), затем очистка удалит его; он также удаляется, как только задача выполнена или её ветки слиты. В upstream ничего не сливается.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, or later if it was asked for longer</source>
        <translation>, или позже, если был запрошен более долгий срок</translation>
    </message>
    <message>
        <source>Deliver %1 to a showroom</source>
        <translation>Поставить %1 в шоурум</translation>
    </message>
    <message>
        <source>Deliver to &amp;Showroom</source>
        <translation>Поставить в &amp;шоурум</translation>
    </message>
    <message>
        <source>%1: not delivered to a showroom.</source>
        <translation>%1: не поставлено в шоурум.</translation>
    </message>
    <message>
        <source>Showroom %1 in %2</source>
        <translation>Шоурум %1 в %2</translation>
    </message>
    <message>
        <source>%1: delivering to showroom %2…</source>
        <translation>%1: поставка в шоурум %2…</translation>
    </message>
    <message>
        <source>%1 is in showroom %2 until %3 (release %4).</source>
        <translation>%1 в шоуруме %2 до %3 (релиз %4).</translation>
    </message>
    <message>
        <source>Showroom %1 failed at %2: %3</source>
        <translation>Шоурум %1: сбой на шаге %2: %3</translation>
    </message>
    <message>
        <source>%1: the ecosystem has no production environment to merge through.</source>
        <translation>%1: в экосистеме нет рабочего окружения (production) для слияния.</translation>
    </message>
    <message>
        <source>%1: the ecosystem has no staging environment to deliver into.</source>
        <translation>%1: в экосистеме нет окружения staging для поставки.</translation>
    </message>
    <message>
        <source>no repository of %1&apos;s systems has a branch naming %2</source>
        <translation>ни в одном репозитории систем %1 нет ветки, указывающей %2</translation>
    </message>
    <message>
        <source>%1 not delivered: %2</source>
        <translation>%1 не поставлено: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Merge %1&lt;/b&gt;: its branches go to production, the release; once every rollout is ready they are merged into their upstream. The systems without a branch for %1 stay as they are.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Слить %1&lt;/b&gt;: её ветки уходят в production, релиз; как только все выкатки будут готовы, они сливаются в свой upstream. Системы без ветки для %1 остаются как есть.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Deliver %1&lt;/b&gt;: its branches go to staging; once every rollout is ready they are merged into their upstream. The systems without a branch for %1 stay as they are.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Поставить %1&lt;/b&gt;: её ветки уходят в staging; как только все выкатки будут готовы, они сливаются в свой upstream. Системы без ветки для %1 остаются как есть.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1: delivering into %2…</source>
        <translation>%1: поставка в %2…</translation>
    </message>
    <message>
        <source>%1: not delivered into %2.</source>
        <translation>%1: не поставлено в %2.</translation>
    </message>
    <message>
        <source>The ecosystem has no showroom environment.</source>
        <translation>В экосистеме нет окружения шоурумов.</translation>
    </message>
    <message>
        <source>Listing the showrooms of %1…</source>
        <translation>Получение списка шоурумов %1…</translation>
    </message>
    <message>
        <source>Showrooms not listed: %1</source>
        <translation>Список шоурумов не получен: %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3/%4 pods ready, expires %5</source>
        <translation>%1 — %2, подов готово: %3/%4, истекает %5</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>%1 has no showroom to tear down.</source>
        <translation>У %1 нет шоурума для удаления.</translation>
    </message>
    <message>
        <source>Tear Down Showroom</source>
        <translation>Удаление шоурума</translation>
    </message>
    <message>
        <source>Showrooms of %1:</source>
        <translation>Шоурумы %1:</translation>
    </message>
    <message>
        <source>%1: a showroom is still coming up or going down; wait for it.</source>
        <translation>%1: шоурум ещё запускается или удаляется; дождитесь этого.</translation>
    </message>
    <message>
        <source> (deployments: %1, pods: %2)</source>
        <translation> (deployment: %1, подов: %2)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Shipyard will delete the namespace &lt;tt&gt;%1&lt;/tt&gt;%2 in context &lt;tt&gt;%3&lt;/tt&gt;: the showroom of &lt;b&gt;%4&lt;/b&gt; and everything in it. Its branches and the tracker are not touched.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Shipyard удалит пространство имён &lt;tt&gt;%1&lt;/tt&gt;%2 в контексте &lt;tt&gt;%3&lt;/tt&gt;: шоурум &lt;b&gt;%4&lt;/b&gt; и всё, что в нём. Её ветки и трекер не затрагиваются.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tear down %1</source>
        <translation>Удалить %1</translation>
    </message>
    <message>
        <source>&amp;Tear Down</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>%1: kept.</source>
        <translation>%1: оставлен.</translation>
    </message>
    <message>
        <source>Tearing down %1…</source>
        <translation>Удаление %1…</translation>
    </message>
    <message>
        <source>Showroom %1 of %2 torn down.</source>
        <translation>Шоурум %1 задачи %2 удалён.</translation>
    </message>
    <message>
        <source>Showroom of %1 not torn down: %2</source>
        <translation>Шоурум %1 не удалён: %2</translation>
    </message>
    <message>
        <source>%1: forgetting its failed autotests…</source>
        <translation>%1: забываем проваленные автотесты…</translation>
    </message>
    <message>
        <source>%1: the robot&apos;s next pass tests %2 again.</source>
        <translation>%1: при следующем проходе робот снова протестирует %2.</translation>
    </message>
    <message>
        <source>Not forgotten: %1</source>
        <translation>Не забыто: %1</translation>
    </message>
    <message>
        <source>Showroom %1 cancelled; what was applied is rolled back.</source>
        <translation>Шоурум %1 отменён; применённое откатывается.</translation>
    </message>
    <message>
        <source>No longer waiting for the showroom&apos;s namespace to go…</source>
        <translation>Больше не ждём удаления пространства имён шоурума…</translation>
    </message>
    <message>
        <source>Tearing down %1: %2</source>
        <translation>Удаление %1: %2</translation>
    </message>
    <message>
        <source>Showroom %1 of %2 is being deleted; Kubernetes goes on without Shipyard waiting.</source>
        <translation>Шоурум %1 задачи %2 удаляется; Kubernetes продолжает без ожидания со стороны Shipyard.</translation>
    </message>
</context>
<context>
    <name>Shipyard::TaskBoardModel</name>
    <message>
        <source>No task</source>
        <translation>Нет задачи</translation>
    </message>
    <message>
        <source>Status unknown</source>
        <translation>Статус неизвестен</translation>
    </message>
    <message>
        <source>Branch %1 names no task</source>
        <translation>Ветка %1 не указывает задачу</translation>
    </message>
    <message>
        <source>no tracker to look %1 up in</source>
        <translation>нет трекера, в котором можно найти %1</translation>
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
        <translation>%1 из %2 требуемых одобрений для %3</translation>
    </message>
    <message>
        <source>%1 passed its autotests at %2</source>
        <translation>%1: автотесты на %2 пройдены</translation>
    </message>
    <message>
        <source>%1 failed its autotests at %2: %3: %4</source>
        <translation>%1: автотесты на %2 не пройдены: %3: %4</translation>
    </message>
    <message>
        <source>%1 could not be tested at %2: %3</source>
        <translation>%1: не удалось протестировать на %2: %3</translation>
    </message>
    <message>
        <source>%1 is being tested at %2 by %3</source>
        <translation>%1: на %2 тестирует %3</translation>
    </message>
</context>
<context>
    <name>Shipyard::TaskBoardView</name>
    <message>
        <source>Problems reading tasks</source>
        <translation>Проблемы при чтении задач</translation>
    </message>
    <message>
        <source>Select a card to see its gates and actions.</source>
        <translation>Выберите карточку, чтобы увидеть её проверки и действия.</translation>
    </message>
    <message>
        <source>Gates of the selected task</source>
        <translation>Проверки выбранной задачи</translation>
    </message>
    <message>
        <source>Deliver to &amp;Showroom</source>
        <translation>Поставить в &amp;шоурум</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>По&amp;ставить</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>Сли&amp;ть</translation>
    </message>
    <message>
        <source>Why actions are disabled</source>
        <translation>Почему действия недоступны</translation>
    </message>
    <message>
        <source>Tasks in status %1</source>
        <translation>Задачи в статусе %1</translation>
    </message>
    <message>
        <source>Not now: %1</source>
        <translation>Сейчас нельзя: %1</translation>
    </message>
    <message>
        <source>&amp;Tear Down Showroom…</source>
        <translation>&amp;Удалить шоурум…</translation>
    </message>
    <message>
        <source>Tear down the task&apos;s showroom</source>
        <translation>Удалить шоурум задачи</translation>
    </message>
    <message>
        <source>Filter: task, title, assignee, branch…</source>
        <translation>Фильтр: задача, название, исполнитель, ветка…</translation>
    </message>
    <message>
        <source>Filter the task cards</source>
        <translation>Фильтровать карточки задач</translation>
    </message>
    <message>
        <source>Test &amp;Again</source>
        <translation>Протестировать с&amp;нова</translation>
    </message>
    <message>
        <source>Test the task&apos;s branches again</source>
        <translation>Снова протестировать ветки задачи</translation>
    </message>
    <message>
        <source>Forget the failed verdicts of the branches&apos; heads: the robot&apos;s next pass tests them again (as shipyardctl autotest retry does)</source>
        <translation>Забыть проваленные вердикты головных коммитов веток: при следующем проходе робот протестирует их снова (как shipyardctl autotest retry)</translation>
    </message>
</context>
<context>
    <name>Shipyard::TaskCardDelegate</name>
    <message>
        <source>key</source>
        <translation>ключ</translation>
    </message>
    <message>
        <source>update</source>
        <translation>актуальность</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>ревью</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>слияние</translation>
    </message>
    <message>
        <source>integrates</source>
        <translation>интеграция</translation>
    </message>
    <message>
        <source>reviews %1/%2</source>
        <translation>ревью %1/%2</translation>
    </message>
    <message>
        <source>✔ mergeable</source>
        <translation>✔ можно слить</translation>
    </message>
    <message>
        <source>✘ not mergeable</source>
        <translation>✘ нельзя слить</translation>
    </message>
    <message>
        <source>tests</source>
        <translation>тесты</translation>
    </message>
</context>
<context>
    <name>WindowScreenshot</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Delivering microservices to Kubernetes</source>
        <translation>Поставка микросервисов в Kubernetes</translation>
    </message>
    <message>
        <source>Open this ecosystem file.</source>
        <translation>Открыть этот файл экосистемы.</translation>
    </message>
    <message>
        <source>Render the window into a PNG file and exit.</source>
        <translation>Сохранить окно в PNG-файл и выйти.</translation>
    </message>
    <message>
        <source>The view to show: %1.</source>
        <translation>Показываемый вид: %1.</translation>
    </message>
    <message>
        <source>light, dark or system (the default).</source>
        <translation>light, dark или system (по умолчанию).</translation>
    </message>
    <message>
        <source>Read only this kubeconfig file (default: the files kubectl reads).</source>
        <translation>Читать только этот файл kubeconfig (по умолчанию — файлы, которые читает kubectl).</translation>
    </message>
    <message>
        <source>the Shipyard window has no terminal to ask in: log in with kubectl in a terminal first (if the plugin keeps its login), or use shipyardctl there</source>
        <translation>у окна Shipyard нет терминала, в котором можно спросить: сначала войдите через kubectl в терминале (если плагин сохраняет вход) или используйте там shipyardctl</translation>
    </message>
    <message>
        <source>The environment the Pipeline view shows.</source>
        <translation>Окружение, которое показывает вид «Конвейер».</translation>
    </message>
    <message>
        <source>Open the Cluster view on the System log of this deployment.</source>
        <translation>Открыть вид «Кластер» с журналом системы этого Deployment.</translation>
    </message>
</context>
<context>
    <name>shipyardctl</name>
    <message>
        <source>usage: shipyardctl COMMAND [OPTIONS]

Commands:
</source>
        <translation>использование: shipyardctl КОМАНДА [ПАРАМЕТРЫ]

Команды:
</translation>
    </message>
    <message>
        <source>shipyardctl: unknown command &apos;%1&apos;
</source>
        <translation>shipyardctl: неизвестная команда «%1»
</translation>
    </message>
    <message>
        <source>read only this kubeconfig file</source>
        <translation>читать только этот файл kubeconfig</translation>
    </message>
    <message>
        <source>the kubeconfig context to use</source>
        <translation>используемый контекст kubeconfig</translation>
    </message>
    <message>
        <source>the namespace (default: the context&apos;s)</source>
        <translation>пространство имён (по умолчанию: из контекста)</translation>
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
Коды выхода: 0 — успех, 1 — команда не удалась или ответ отрицательный (проверка нашла проблемы, нет разрешения, блокировка занята), 2 — ошибка вызова (неверные аргументы, нет файла);
diff, как diff(1): 0 — нет расхождений, 1 — есть расхождения, 2 — сравнить не удалось.
Любая команда принимает --output text (по умолчанию) или --output json: с json в stdout выводится ровно
один документ JSON (logs --follow: один объект на строку), а ход выполнения — в stderr.
&apos;shipyardctl КОМАНДА --help&apos; покажет параметры команды.
</translation>
    </message>
</context>
</TS>
