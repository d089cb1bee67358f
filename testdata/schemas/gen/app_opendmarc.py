"""OpenDMARC 1.4.2 (mysql upstream, pg hand-converted): DMARC reporting history. Entirely technical: sending domains,
MTA client IPs, reporting URIs of domain owners (organisation mailboxes), queue ids. A false-alarm test."""
import sys, os, random, string
sys.path.insert(0, os.path.dirname(__file__))
from common import *

T = lambda kind, g=None: ("technical", kind, g)
DOMAINS = ["orange.fr", "gmail.com", "free.fr", "laposte.net", "sfr.fr", "outlook.com", "yahoo.fr", "example.fr", "mairie-lyon.fr", "univ-rennes.fr",
           "newsletter.fnac.com", "e.sncf.com", "mail.ameli.fr", "impots.gouv.fr", "caf.fr", "notification.leboncoin.fr", "amazon.fr", "paypal.fr",
           "credit-agricole.fr", "bnpparibas.com", "edf.fr", "engie.com", "doctolib.fr", "boursorama.fr", "lemonde.fr", "acme-industrie.fr",
           "example-asso.org", "proton.me", "icloud.com", "wanadoo.fr"]
REPURI = ["mailto:dmarc-rua@dmarc.postmarkapp.com", "mailto:rua@dmarc.%s", "mailto:dmarc@%s", "mailto:re+%s@dmarc.report-uri.com"]


def repuri(p, i, c):
    d = DOMAINS[i]
    t = random.choice(REPURI)
    return t % (d if "%s@" not in t else slug(d)[:10]) if "%s" in t else t


def qid(p, i, c):
    return "4%s" % "".join(random.choice(string.ascii_letters + string.digits) for _ in range(11))


SPEC = {
    "app": "opendmarc",
    "fks": {("selectors", "domain"): ("domains", "id"), ("requests", "domain"): ("domains", "id"), ("messages", "reporter"): ("reporters", "id"),
            ("messages", "ip"): ("ipaddr", "id"), ("messages", "env_domain"): ("domains", "id"), ("messages", "from_domain"): ("domains", "id"),
            ("messages", "policy_domain"): ("domains", "id"), ("signatures", "message"): ("messages", "id"), ("signatures", "domain"): ("domains", "id"),
            ("signatures", "selector"): ("selectors", "id"), ("arcseals", "message"): ("messages", "id"), ("arcseals", "domain"): ("domains", "id"),
            ("arcseals", "selector"): ("selectors", "id"), ("arcauthresults", "message"): ("messages", "id")},
    "rows": {"domains": 30, "selectors": 20, "requests": 15, "reporters": 3, "ipaddr": 30, "messages": 60, "signatures": 50, "arcseals": 5, "arcauthresults": 5},
    "cols": {
        "domains.id": T("pk", lambda p, i, c: i + 1), "domains.name": T("dns-domain", lambda p, i, c: DOMAINS[i]),
        "selectors.id": T("pk", lambda p, i, c: i + 1), "selectors.name": T("dkim-selector", lambda p, i, c: random.choice(["s1", "s2", "google", "default", "selector1", "mail", "k1", "dkim%d" % i])),
        "requests.repuri": T("org-reporting-uri (mailto: of the domain owner's DMARC mailbox)", repuri), "requests.adkim": T("enum", choice(114, 115)), "requests.aspf": T("enum", choice(114, 115)),
        "requests.policy": T("enum", choice(110, 113, 114)), "requests.spolicy": T("enum", choice(0, 110, 113)), "requests.pct": T("number", const(100)), "requests.locked": T("flag", const(0)),
        "reporters.id": T("pk", lambda p, i, c: i + 1), "reporters.name": T("hostname", lambda p, i, c: ["mx1.example.fr", "mx2.example.fr", "relay.example.fr"][i]),
        "ipaddr.id": T("pk", lambda p, i, c: i + 1), "ipaddr.addr": T("ip-sending-mta", lambda p, i, c: random.choice([FR.ipv4_public(), FR.ipv4_public(), FR.ipv6()])),
        "messages.id": T("pk", lambda p, i, c: i + 1), "messages.jobid": T("mta-queue-id", qid), "messages.policy": T("enum", choice(14, 15, 16, 17, 18)),
        "messages.disp": T("enum", choice(0, 1, 2)), "messages.spf": T("enum", choice(-1, 0, 2)), "messages.align_dkim": T("enum", choice(4, 5)),
        "messages.align_spf": T("enum", choice(4, 5)), "messages.sigcount": T("counter", choice(0, 1, 2)), "messages.arc": T("enum", choice(0, 2)), "messages.arc_policy": T("enum", choice(0, 2)),
        "signatures.pass": T("enum", choice(0, 1)), "signatures.error": T("flag", choice(0, 0, 1)),
        "arcseals.instance": T("number", lambda p, i, c: 1 + i % 2), "arcauthresults.instance": T("number", lambda p, i, c: 1 + i % 2),
        "arcauthresults.arc_client_addr": T("ip-sending-mta", lambda p, i, c: FR.ipv4_public()),
    },
}
if __name__ == "__main__":
    build(SPEC)
