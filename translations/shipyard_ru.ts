<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
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
        <source>%1: valid ecosystem '%2': %3 systems, %4 environments</source>
        <translation>%1: корректная экосистема «%2»: систем: %3, окружений: %4</translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation><numerusform>, %n предупреждение</numerusform><numerusform>, %n предупреждения</numerusform><numerusform>, %n предупреждений</numerusform></translation>
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
    <name>Shipyard::EcosystemSourceView</name>
    <message>
        <source>Ecosystem file</source>
        <translation>Файл экосистемы</translation>
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
        <source>The environment '%1' does not run %2.</source>
        <translation>В окружении «%1» нет %2.</translation>
    </message>
    <message>
        <source>%1 in namespace %2 of context %3.
The live state (image, health, age) appears once the cluster connection reports it.</source>
        <translation>%1 в пространстве имён %2 контекста %3.
Состояние (образ, здоровье, возраст) появится, когда его сообщит подключение к кластеру.</translation>
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
        <source>%1: %2 systems, %3 environments. Live cluster state is not connected yet.</source>
        <translation>%1: систем: %2, окружений: %3. Состояние кластера ещё не подключено.</translation>
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
        <source>
Exit codes: 0 success, 1 the command failed or found problems, 2 usage error (bad arguments, missing file).
Run 'shipyardctl COMMAND --help' for a command's options.
</source>
        <translation>
Коды выхода: 0 — успех, 1 — команда не удалась или нашла проблемы, 2 — ошибка вызова (неверные аргументы, нет файла).
'shipyardctl КОМАНДА --help' покажет параметры команды.
</translation>
    </message>
    <message>
        <source>shipyardctl: unknown command '%1'
</source>
        <translation>shipyardctl: неизвестная команда «%1»
</translation>
    </message>
</context>
</TS>