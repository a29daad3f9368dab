// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target: any bytes given to the ecosystem loader must produce a
// result or diagnostics, never a crash, a sanitizer report or a hang; and
// the same bytes given to the file editor (`shipyardctl new system`), which
// scans the text itself, an edited file or an error.
#include "model/EcosystemLoader.h"
#include "templates/EcosystemFileEditor.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Shipyard::EcosystemLoadResult result =
        Shipyard::EcosystemLoader().loadData(bytes, QStringLiteral("fuzz.yaml"));
    if (!result.ecosystem && result.diagnostics.isEmpty())
        __builtin_trap(); // a rejected file must say why
    for (const Shipyard::Diagnostic &d : result.diagnostics)
        (void)d.toString();
    QString error;
    const auto edited = Shipyard::EcosystemFileEditor::appendSystem(bytes,
        { { QStringLiteral("name"), QStringLiteral("fuzz") }, { QStringLiteral("image"), QStringLiteral("[a, b]") } },
        &error);
    if (!edited && error.isEmpty())
        __builtin_trap(); // a refusal must say why
    return 0;
}
