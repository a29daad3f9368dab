//go:build tools

// SPDX-License-Identifier: GPL-2.0-or-later

// The kwok controller is built straight from its module; this import keeps it
// in go.mod and go.sum.
package tools

import _ "sigs.k8s.io/kwok/cmd/kwok"
