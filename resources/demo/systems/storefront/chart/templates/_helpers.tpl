{{/*
The chart's name: storefront, unless nameOverride says otherwise.
*/}}
{{- define "storefront.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Every object is named after the release, so that the release "storefront"
(the ecosystem's releaseName, by default the system's name) makes the
Deployment and the Service "storefront" that the demo has always had.
*/}}
{{- define "storefront.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "storefront.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
What the Deployment and the Service select pods by. Only the name: a
Deployment's selector cannot change, and the storefront's has always been
this one label.
*/}}
{{- define "storefront.selectorLabels" -}}
app.kubernetes.io/name: {{ include "storefront.name" . }}
{{- end }}

{{/*
The labels of the pods: the selector's, and the shop they belong to.
*/}}
{{- define "storefront.podLabels" -}}
{{ include "storefront.selectorLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: demo-shop
{{- end }}

{{/*
The standard labels of every object.
*/}}
{{- define "storefront.labels" -}}
helm.sh/chart: {{ include "storefront.chart" . }}
{{ include "storefront.podLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
