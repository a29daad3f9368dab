#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A scratch copy of the demo ecosystem whose systems are git repositories with
# task branches (reviewed by Reviewed-by trailers, one conflicting), for the
# Tasks board and its screenshots.
# usage: demo-tasks.sh SOURCE_DIR DESTINATION   (DESTINATION is replaced)
set -euo pipefail
src=$1 dst=$2
rm -rf "$dst"; mkdir -p "$dst"
cp -r "$src/resources/demo/." "$dst/"
cat >> "$dst/tasks.yaml" <<'YAML'
  - key: SHOP-3
    title: Retry failed confirmation mails
    status: In Progress
    assignee: carol
  - key: SHOP-4
    title: Product search by tag
    status: Awaiting Showroom
    assignee: alice
YAML
export GIT_AUTHOR_NAME=Alice GIT_AUTHOR_EMAIL=alice@example.org GIT_COMMITTER_NAME=Alice GIT_COMMITTER_EMAIL=alice@example.org
for s in storefront catalog mailer; do
    cd "$dst/systems/$s"
    git init -q -b main; git add .; git commit -qm "Import $s"
done
cd "$dst/systems/storefront"
git checkout -qb feature/SHOP-1-currency main; echo eur > currency; git add .; git commit -qm $'Prices with currency\n\nReviewed-by: Bob <bob@example.org>'
git checkout -qb feature/SHOP-2-photos main; echo big > photos; git add .; git commit -qm 'Larger photos'
git checkout -qb feature/SHOP-4-search main; echo tag > search; git add .; git commit -qm $'Search by tag\n\nReviewed-by: Carol <carol@example.org>'
git checkout -q main
cd "$dst/systems/catalog"
git checkout -qb feature/SHOP-1-currency main; echo eur > currency; git add .; git commit -qm $'Currency field\n\nReviewed-by: Carol <carol@example.org>'
git checkout -qb feature/SHOP-4-search main; echo tags > tags; git add .; git commit -qm 'Tag index'
git checkout -q main
cd "$dst/systems/mailer"
git checkout -qb feature/SHOP-3-retry main; echo retry >> Makefile; git add .; git commit -qm $'Retry\n\nReviewed-by: Bob <bob@example.org>'
git checkout -q main; echo other >> Makefile; git add .; git commit -qm 'Tidy the Makefile'
git checkout -qb spike-queue main; echo q > queue; git add .; git commit -qm 'Queue spike'
git checkout -q main
echo "demo tasks in $dst"
