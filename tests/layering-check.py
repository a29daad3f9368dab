#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Every #include stays inside its folder or reaches a folder the folder's
CMakeLists.txt names in DEPENDS, and DEPENDS never loops: core/ is QtCore
only and never includes ui/; ui/ may use any of core/."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
include = re.compile(r'^\s*#\s*include\s+"([a-z]+)/[^"]+"', re.M)
qtGui = re.compile(r'^\s*#\s*include\s+<(QtGui|QtWidgets|QtCharts|KSyntaxHighlighting)/?|^\s*#\s*include\s+<Q(Widget|Painter|Color|Font|Icon|Pixmap|Image)\b', re.M)


def declared(layer):
    folders = {}
    for folder in sorted(os.listdir(os.path.join(root, layer))):
        cmake = os.path.join(root, layer, folder, 'CMakeLists.txt')
        if not os.path.isfile(cmake):
            continue
        text = open(cmake, encoding='utf-8').read()
        match = re.search(r'^\s*DEPENDS\s+([a-z ]+)$', text, re.M)
        folders[folder] = set(match.group(1).split()) if match else set()
    return folders


problems = []


def check(layer, folders, outside):
    for folder, depends in folders.items():
        for unknown in sorted(depends - set(folders)):
            problems.append(f'{layer}/{folder}/CMakeLists.txt: DEPENDS names {unknown}, which is no folder of {layer}/')
        directory = os.path.join(root, layer, folder)
        # Subfolders (core/pipeline/steps) belong to their folder.
        names = sorted(os.path.relpath(os.path.join(parent, file), directory)
                       for parent, _, files in os.walk(directory) for file in files)
        for name in names:
            if not name.endswith(('.h', '.cpp')):
                continue
            path = os.path.join(directory, name)
            text = open(path, encoding='utf-8').read()
            for match in include.finditer(text):
                target = match.group(1)
                line = text.count('\n', 0, match.start()) + 1
                where = f'{layer}/{folder}/{name}:{line}'
                if target == folder or target in depends or target in outside:
                    continue
                if target in folders:
                    problems.append(f'{where}: includes {target}/, which {layer}/{folder}/CMakeLists.txt does not '
                                    f'name in DEPENDS')
                else:
                    problems.append(f'{where}: includes {target}/, out of reach of {layer}/')
            if layer == 'core':
                for match in qtGui.finditer(text):
                    line = text.count('\n', 0, match.start()) + 1
                    problems.append(f'{layer}/{folder}/{name}:{line}: core/ is QtCore only')
    # DEPENDS must not loop (a static library cycle links, but layers do not).
    state = {}

    def visit(folder, path):
        if state.get(folder) == 'done':
            return
        if state.get(folder) == 'visiting':
            problems.append(f'{layer}/: DEPENDS loops: ' + ' -> '.join(path + [folder]))
            return
        state[folder] = 'visiting'
        for dependency in sorted(folders.get(folder, ())):
            visit(dependency, path + [folder])
        state[folder] = 'done'

    for folder in folders:
        visit(folder, [])


core = declared('core')
ui = declared('ui')
check('core', core, outside=set())
check('ui', ui, outside=set(core))
for problem in problems:
    print(problem)
print(f'{len(core)} core folders, {len(ui)} ui folders: '
      + ('layering holds' if not problems else f'{len(problems)} problem(s)'))
sys.exit(1 if problems else 0)
