//go:build tools

// SPDX-License-Identifier: GPL-2.0-or-later

// The Helm CLI is built straight from its module; this import keeps it in
// go.mod and go.sum.
package tools

import _ "helm.sh/helm/v4/cmd/helm"
