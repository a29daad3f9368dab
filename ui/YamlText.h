// SPDX-License-Identifier: GPL-2.0-or-later
// YamlText lives in core since shipyardctl and the apply preview print the
// same YAML as the Cluster view; this keeps the views' includes working.
#pragma once

#include "kube/YamlText.h"
