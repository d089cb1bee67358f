#!/bin/bash
# Download (apt-get download, Debian 12 bookworm mirrors) and unpack the packages of the apps added later (split key
# blind2). Result: _dl/x/<package>/... (scratch, not part of the corpus; delete it when done).
set -e
C=$(cd "$(dirname "$0")/.." && pwd); mkdir -p $C/_dl/x; cd $C/_dl
PKGS="jabberd2 icingaweb2 opendmarc zoneminder ledgersmb ulogd2"
for p in $PKGS; do
  ls ${p}_*.deb >/dev/null 2>&1 || apt-get download $p
  [ -d x/$p ] || { mkdir -p x/$p; dpkg-deb -x ${p}_*.deb x/$p; }
done
