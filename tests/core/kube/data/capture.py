#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Captures the objects tst_kubeobjectstatus reads, from the local control
plane (packaging/localcluster/cluster up), into this folder, and beside them
in kubectl-columns.json the columns the API server's own table printer gave
each object at the same moment: what `kubectl get` shows for it.

Each object is read as a meta.k8s.io Table with includeObject=Object, so the
object and its printed row are one snapshot. Objects kwok cannot bring about
(a kubelet's image pulls, init containers, OOM kills, lost nodes) get a
hand-written status through the pods/status subresource on a pod that kwok
was told to leave alone; see README.md for which is which.

    python3 tests/core/kube/data/capture.py [--context local]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..'))
NAMESPACE = 'kubeobjectstatus'
TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io'
# kwok's pod-ready stage waits this long for pods carrying it: their status is ours to write.
LEFT_ALONE = {'shipyard.dev/ready-delay': '24h'}

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument('--context', default='local')
args = parser.parse_args()

kubeconfig = subprocess.run([os.path.join(ROOT, 'packaging/localcluster/cluster'), 'kubeconfig-path'],
                            check=True, capture_output=True, text=True).stdout.strip()
kubectl = ['kubectl', '--kubeconfig', kubeconfig, '--context', args.context]

proxy = subprocess.Popen(kubectl + ['proxy', '--port=0'], stdout=subprocess.PIPE, text=True)
started = re.search(r'127\.0\.0\.1:(\d+)', proxy.stdout.readline())
if not started:
    sys.exit('kubectl proxy did not start')
BASE = f'http://127.0.0.1:{started.group(1)}'
columns = {}


def request(method, path, body=None, content_type='application/json', accept='application/json'):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={'Content-Type': content_type, 'Accept': accept})
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.load(response)


def apply(manifest):
    subprocess.run(kubectl + ['apply', '-n', NAMESPACE, '-f', '-'], input=json.dumps(manifest), text=True,
                   check=True, capture_output=True)


def path_of(kind, name=None):
    base = {'Pod': f'/api/v1/namespaces/{NAMESPACE}/pods',
            'ReplicaSet': f'/apis/apps/v1/namespaces/{NAMESPACE}/replicasets',
            'Deployment': f'/apis/apps/v1/namespaces/{NAMESPACE}/deployments'}[kind]
    return base + ('/' + name if name else '')


def row_of(table, definitions=None):
    names = [c['name'] for c in (definitions or table['columnDefinitions'])]
    row = table['rows'][0]
    return row['object'], dict(zip(names, row['cells']))


def table(kind, name=None, selector=None):
    query = {'includeObject': 'Object'}
    if selector:
        query['labelSelector'] = selector
    result = request('GET', path_of(kind, name) + '?' + urllib.parse.urlencode(query), accept=TABLE)
    if not result.get('rows'):
        return None, None
    return row_of(result)


def wait_for(kind, what, predicate, name=None, selector=None, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        obj, cells = table(kind, name, selector)
        if obj is not None and predicate(obj, cells):
            return obj, cells
        time.sleep(1)
    sys.exit(f'timed out waiting for {what}')


def save(file, obj, cells, keep):
    obj = json.loads(json.dumps(obj))
    obj['metadata'].pop('managedFields', None)
    with open(os.path.join(HERE, file + '.json'), 'w', encoding='utf-8') as out:
        json.dump(obj, out, indent=2)
        out.write('\n')
    columns[file] = {k: v for k, v in cells.items() if k in keep}
    print(f'{file}: {columns[file]}')


POD_COLUMNS = ('Ready', 'Status', 'Restarts')
RS_COLUMNS = ('Desired', 'Current', 'Ready')
DEPLOYMENT_COLUMNS = ('Ready', 'Up-to-date', 'Available')


def container(name, image='demo/app:1.0', **extra):
    return dict({'name': name, 'image': image}, **extra)


def pod(name, containers, init=None, annotations=None, labels=None, **spec):
    manifest = {'apiVersion': 'v1', 'kind': 'Pod',
                'metadata': {'name': name, 'annotations': annotations or {}, 'labels': labels or {}},
                'spec': dict({'containers': containers, 'terminationGracePeriodSeconds': 30}, **spec)}
    if init:
        manifest['spec']['initContainers'] = init
    return manifest


def deployment(name, image='demo/app:1.0', replicas=1, annotations=None, **spec):
    return {'apiVersion': 'apps/v1', 'kind': 'Deployment', 'metadata': {'name': name},
            'spec': dict({'replicas': replicas, 'selector': {'matchLabels': {'app': name}},
                          'template': {'metadata': {'labels': {'app': name}, 'annotations': annotations or {}},
                                       'spec': {'containers': [container('app', image)]}}}, **spec)}


def scheduled(obj, _cells):
    return bool(obj['spec'].get('nodeName'))


def set_status(name, status):
    request('PATCH', path_of('Pod', name) + '/status', {'status': status}, 'application/merge-patch+json')


def watch_deletion(name, before_delete=None):
    """The pod's row as the watch shows it once its deletionTimestamp is set
    (kwok removes deleted pods at once, so a later GET finds nothing)."""
    query = urllib.parse.urlencode({'watch': '1', 'includeObject': 'Object',
                                    'fieldSelector': f'metadata.name={name}', 'timeoutSeconds': '60'})
    req = urllib.request.Request(BASE + path_of('Pod') + '?' + query, headers={'Accept': TABLE})
    found = {}

    def read():
        definitions = None
        with urllib.request.urlopen(req, timeout=90) as stream:
            for line in stream:
                event = json.loads(line)
                definitions = event['object'].get('columnDefinitions') or definitions
                if not event['object'].get('rows'):
                    continue
                obj, cells = row_of(event['object'], definitions)
                if obj['metadata'].get('deletionTimestamp'):
                    found['row'] = (obj, cells)
                    return

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(1)  # the watch is open before the deletion
    subprocess.run(kubectl + ['delete', 'pod', '-n', NAMESPACE, name, '--wait=false'], check=True,
                   capture_output=True)
    reader.join()
    if 'row' not in found:
        sys.exit(f'no deletion of {name} seen')
    return found['row']


def now():
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())


def container_status(name, state, ready=False, restarts=0, last=None, started=None, image='demo/app:1.0'):
    status = {'name': name, 'image': image, 'imageID': '', 'ready': ready, 'restartCount': restarts,
              'state': state, 'lastState': last or {}}
    if started is not None:
        status['started'] = started
    return status


def conditions(ready, initialized=True):
    t = now()
    return [{'type': 'PodReadyToStartContainers', 'status': 'True', 'lastTransitionTime': t},
            {'type': 'Initialized', 'status': 'True' if initialized else 'False', 'lastTransitionTime': t},
            {'type': 'Ready', 'status': 'True' if ready else 'False', 'lastTransitionTime': t},
            {'type': 'ContainersReady', 'status': 'True' if ready else 'False', 'lastTransitionTime': t},
            {'type': 'PodScheduled', 'status': 'True', 'lastTransitionTime': t}]


def hand_written(file, manifest, status):
    """A pod kwok leaves alone, given `status` as a kubelet would write it."""
    name = manifest['metadata']['name']
    manifest['metadata']['annotations'].update(LEFT_ALONE)
    apply(manifest)
    wait_for('Pod', f'{name} scheduled', scheduled, name)
    status = dict({'hostIP': '10.0.0.1', 'podIP': '10.0.0.2', 'startTime': now()}, **status)
    set_status(name, status)
    obj, cells = table('Pod', name)
    save(file, obj, cells, POD_COLUMNS)
    return name


def main():
    subprocess.run(kubectl + ['delete', 'namespace', NAMESPACE, '--ignore-not-found', '--wait=true'], check=True)
    subprocess.run(kubectl + ['create', 'namespace', NAMESPACE], check=True, capture_output=True)

    # Deployments: one that becomes available, one whose pods never start, one that crash-loops.
    apply(deployment('web'))
    apply(deployment('slow', annotations=LEFT_ALONE))
    apply(deployment('broken', image='demo/app:1.0-broken', progressDeadlineSeconds=10))

    obj, cells = wait_for('Deployment', 'web available', lambda o, c: c['Available'] == 1, 'web')
    save('deployment-available', obj, cells, DEPLOYMENT_COLUMNS)
    obj, cells = wait_for('ReplicaSet', 'web replica set ready', lambda o, c: c['Ready'] == 1, selector='app=web')
    save('replicaset-available', obj, cells, RS_COLUMNS)
    first_replica_set = obj['metadata']['name']
    obj, cells = wait_for('Pod', 'web pod running', lambda o, c: c['Status'] == 'Running', selector='app=web')
    save('pod-running', obj, cells, POD_COLUMNS)

    obj, cells = wait_for('Deployment', 'slow progressing', lambda o, c: o['status'].get('updatedReplicas') == 1,
                          'slow')
    save('deployment-progressing', obj, cells, DEPLOYMENT_COLUMNS)
    obj, cells = wait_for('Pod', 'slow pod scheduled', scheduled, selector='app=slow')
    save('pod-pending-scheduled', obj, cells, POD_COLUMNS)

    obj, cells = wait_for('Pod', 'broken pod restarted twice',
                          lambda o, c: int(str(c['Restarts']).split()[0]) >= 2, selector='app=broken', timeout=240)
    save('pod-crashloopbackoff', obj, cells, POD_COLUMNS)
    def deadline_exceeded(o, _c):
        return any(c.get('reason') == 'ProgressDeadlineExceeded' for c in o['status'].get('conditions', []))
    obj, cells = wait_for('Deployment', 'broken past its deadline', deadline_exceeded, 'broken')
    save('deployment-failed', obj, cells, DEPLOYMENT_COLUMNS)

    # A rollout to a new image leaves the first replica set scaled to zero.
    subprocess.run(kubectl + ['set', 'image', '-n', NAMESPACE, 'deployment/web', 'app=demo/app:1.1'], check=True,
                   capture_output=True)
    obj, cells = wait_for('ReplicaSet', 'first replica set scaled down',
                          lambda o, c: c['Desired'] == 0 and c['Current'] == 0, first_replica_set)
    save('replicaset-superseded', obj, cells, RS_COLUMNS)

    # Pods as kwok plays them.
    apply(pod('pair', [container('app'), container('helper', 'demo/helper:1.0-broken')]))
    obj, cells = wait_for('Pod', 'pair crash-looping', lambda o, c: c['Status'] == 'CrashLoopBackOff', 'pair')
    save('pod-second-container-crashloop', obj, cells, POD_COLUMNS)

    apply({'apiVersion': 'batch/v1', 'kind': 'Job', 'metadata': {'name': 'once'},
           'spec': {'template': {'metadata': {'labels': {'job': 'once'}},
                                 'spec': {'restartPolicy': 'Never', 'containers': [container('app')]}}}})
    obj, cells = wait_for('Pod', 'job pod completed', lambda o, c: c['Status'] == 'Completed', selector='job=once')
    save('pod-completed', obj, cells, POD_COLUMNS)
    # A finished pod is deleted at once unless a finalizer holds it: here one does.
    subprocess.run(kubectl + ['patch', 'pod', '-n', NAMESPACE, obj['metadata']['name'], '--type=merge', '-p',
                              '{"metadata":{"finalizers":["shipyard.dev/hold"]}}'], check=True, capture_output=True)
    save('pod-completed-deleted', *watch_deletion(obj['metadata']['name']), POD_COLUMNS)

    apply(pod('unschedulable', [container('app')], nodeSelector={'shipyard.dev/no-such-node': 'true'}))
    obj, cells = wait_for('Pod', 'unschedulable pod rejected',
                          lambda o, c: any(x.get('reason') == 'Unschedulable' for x in o['status'].get('conditions', [])),
                          'unschedulable')
    save('pod-unschedulable', obj, cells, POD_COLUMNS)

    apply(pod('gated', [container('app')], schedulingGates=[{'name': 'shipyard.dev/hold'}]))
    obj, cells = wait_for('Pod', 'gated pod', lambda o, c: c['Status'] == 'SchedulingGated', 'gated')
    save('pod-scheduling-gated', obj, cells, POD_COLUMNS)

    apply(pod('initialized', [container('app')], init=[container('migrate')]))
    obj, cells = wait_for('Pod', 'initialized pod running', lambda o, c: c['Status'] == 'Running', 'initialized')
    save('pod-init-completed', obj, cells, POD_COLUMNS)

    apply(pod('sidecar', [container('app')], init=[container('proxy', 'demo/proxy:1.0', restartPolicy='Always')]))
    obj, cells = wait_for('Pod', 'sidecar pod running', lambda o, c: c['Status'] == 'Running', 'sidecar')
    save('pod-sidecar', obj, cells, POD_COLUMNS)

    apply(pod('leaving', [container('app')]))
    wait_for('Pod', 'leaving pod running', lambda o, c: c['Status'] == 'Running', 'leaving')
    save('pod-terminating', *watch_deletion('leaving'), POD_COLUMNS)

    # Statuses only a real kubelet writes, given to pods kwok leaves alone.
    running_app = {'running': {'startedAt': now()}}
    hand_written('pod-container-creating', pod('creating', [container('app')]), {
        'phase': 'Pending', 'conditions': conditions(False),
        'containerStatuses': [container_status('app', {'waiting': {'reason': 'ContainerCreating'}}, started=False)]})
    hand_written('pod-imagepullbackoff', pod('pull', [container('app', 'demo/app:9.9')]), {
        'phase': 'Pending', 'conditions': conditions(False),
        'containerStatuses': [container_status('app', {'waiting': {
            'reason': 'ImagePullBackOff',
            'message': 'Back-off pulling image "demo/app:9.9": ErrImagePull: demo/app:9.9: not found'}},
            image='demo/app:9.9', started=False)]})
    hand_written('pod-errimagepull', pod('pullerr', [container('app', 'demo/app:9.9')]), {
        'phase': 'Pending', 'conditions': conditions(False),
        'containerStatuses': [container_status('app', {'waiting': {
            'reason': 'ErrImagePull', 'message': 'failed to pull and unpack image "demo/app:9.9": not found'}},
            image='demo/app:9.9', started=False)]})
    hand_written('pod-createcontainerconfigerror', pod('config', [container('app')]), {
        'phase': 'Pending', 'conditions': conditions(False),
        'containerStatuses': [container_status('app', {'waiting': {
            'reason': 'CreateContainerConfigError', 'message': 'secret "db-password" not found'}}, started=False)]})
    hand_written('pod-oomkilled', pod('oom', [container('app')]), {
        'phase': 'Running', 'conditions': conditions(False),
        'containerStatuses': [container_status('app', {'terminated': {
            'reason': 'OOMKilled', 'exitCode': 137, 'startedAt': now(), 'finishedAt': now()}}, restarts=2,
            last={'terminated': {'reason': 'OOMKilled', 'exitCode': 137, 'startedAt': now(), 'finishedAt': now()}},
            started=False)]})
    hand_written('pod-exitcode', pod('exitcode', [container('app')]), {
        'phase': 'Running', 'conditions': conditions(False),
        'containerStatuses': [container_status('app', {'terminated': {
            'exitCode': 2, 'startedAt': now(), 'finishedAt': now()}}, started=False)]})
    hand_written('pod-signal', pod('signal', [container('app')]), {
        'phase': 'Running', 'conditions': conditions(False),
        'containerStatuses': [container_status('app', {'terminated': {
            'exitCode': 137, 'signal': 9, 'startedAt': now(), 'finishedAt': now()}}, started=False)]})
    # One container done, one still running: kubectl says Running (pod Ready) or NotReady.
    two = [container('job'), container('app')]
    done = {'terminated': {'reason': 'Completed', 'exitCode': 0, 'startedAt': now(), 'finishedAt': now()}}
    hand_written('pod-completed-container-ready', pod('doneready', list(two)), {
        'phase': 'Running', 'conditions': conditions(True),
        'containerStatuses': [container_status('job', done, started=False),
                              container_status('app', running_app, ready=True, started=True)]})
    hand_written('pod-completed-container-notready', pod('donenotready', list(two)), {
        'phase': 'Running', 'conditions': conditions(False),
        'containerStatuses': [container_status('job', done, started=False),
                              container_status('app', running_app, ready=True, started=True)]})
    # Init containers: the second of two running, one crash-looping, one failed.
    init = [container('migrate'), container('seed')]
    initializing = {'waiting': {'reason': 'PodInitializing'}}
    hand_written('pod-init-running', pod('initrun', [container('app')], init=list(init)), {
        'phase': 'Pending', 'conditions': conditions(False, initialized=False),
        'initContainerStatuses': [container_status('migrate', done, started=False),
                                  container_status('seed', running_app, started=True)],
        'containerStatuses': [container_status('app', initializing, started=False)]})
    hand_written('pod-init-crashloopbackoff', pod('initloop', [container('app')], init=list(init)), {
        'phase': 'Pending', 'conditions': conditions(False, initialized=False),
        'initContainerStatuses': [container_status('migrate', {'waiting': {
            'reason': 'CrashLoopBackOff',
            'message': 'back-off 40s restarting failed container=migrate'}}, restarts=3, started=False,
            last={'terminated': {'reason': 'Error', 'exitCode': 1, 'startedAt': now(), 'finishedAt': now()}}),
            container_status('seed', initializing, started=False)],
        'containerStatuses': [container_status('app', initializing, started=False)]})
    hand_written('pod-init-error', pod('initerror', [container('app')], init=list(init)), {
        'phase': 'Pending', 'conditions': conditions(False, initialized=False),
        'initContainerStatuses': [container_status('migrate', {'terminated': {
            'reason': 'Error', 'exitCode': 1, 'startedAt': now(), 'finishedAt': now()}}, restarts=1, started=False),
            container_status('seed', initializing, started=False)],
        'containerStatuses': [container_status('app', initializing, started=False)]})
    # Evicted since Kubernetes 1.22: the pod Failed, its containers ContainerStatusUnknown.
    hand_written('pod-evicted', pod('evicted', [container('app')]), {
        'phase': 'Failed', 'reason': 'Evicted', 'conditions': conditions(False),
        'message': 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi.',
        'containerStatuses': [container_status('app', {'terminated': {
            'reason': 'ContainerStatusUnknown', 'exitCode': 137,
            'message': 'The container could not be located when the pod was terminated'}}, started=False)]})
    # A node that stopped answering: NodeLost, and Unknown once the pod is deleted.
    name = hand_written('pod-nodelost', pod('lost', [container('app')]), {
        'phase': 'Running', 'reason': 'NodeLost', 'conditions': conditions(False),
        'message': 'Node nonprod-node-1 which was running pod lost is unresponsive',
        'containerStatuses': [container_status('app', running_app, started=True)]})
    save('pod-nodelost-deleted', *watch_deletion(name), POD_COLUMNS)

    with open(os.path.join(HERE, 'kubectl-columns.json'), 'w', encoding='utf-8') as out:
        json.dump(dict(sorted(columns.items())), out, indent=2)
        out.write('\n')
    subprocess.run(kubectl + ['delete', 'namespace', NAMESPACE, '--wait=false'], check=True, capture_output=True)


try:
    main()
finally:
    proxy.terminate()
