"""Icinga Web 2 2.11.4 (pg, mysql): database user/group backend, preferences (key/value), remember-me cookies."""
import sys, os, random, base64
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)


def pw_hash(p, i, c):
    # PHP password_hash(PASSWORD_DEFAULT) since 2.9; accounts created before keep md5-crypt (crypt() verifies both)
    import bcrypt
    if i % 5 == 4:
        return h_md5crypt(pw_clear()).encode()
    return b"$2y$" + bcrypt.hashpw(pw_clear().encode(), bcrypt.gensalt(rounds=10))[4:]


def hook_user(row, p, i, c):
    row["name"] = p.login if i % 6 else p.work_email


PREFS = [("icingaweb", "language", lambda p: "fr_FR" if p.fr else "en_US"), ("icingaweb", "timezone", lambda p: "Europe/Paris" if p.fr else "Europe/London"),
         ("icingaweb", "auto_refresh", lambda p: random.choice(["0", "1"])), ("icingaweb", "show_benchmark", lambda p: "0"),
         ("icingaweb", "show_stacktraces", lambda p: "1"), ("icingaweb", "default_page_size", lambda p: random.choice(["25", "50", "100"])),
         ("icingaweb", "theme", lambda p: random.choice(["Icinga", "high-contrast", "solarized-dark"])), ("icingaweb", "show_application_state_messages", lambda p: "1")]


def hook_pref(row, p, i, c):
    s, n, f = PREFS[i % len(PREFS)]
    u = c["generated"]["icingaweb_user"][(i // len(PREFS)) % len(c["generated"]["icingaweb_user"])]
    row["username"], row["section"], row["name"], row["value"] = u["name"], s, n, f(p)


def hook_member(row, p, i, c):
    users = c["generated"]["icingaweb_user"]
    row["username"] = users[i % len(users)]["name"]
    row["group_id"] = (i % 4) + 1


def passphrase(p, i, c):
    # openssl_encrypt(password, 'AES-128-CBC', key kept in the cookie, 0, iv): base64 of the encrypted password
    return base64.b64encode(os.urandom(16 * random.randint(1, 2))).decode()


SPEC = {
    "app": "icingaweb2",
    "fks": {("icingaweb_group_membership", "username"): ("icingaweb_user", "name"), ("icingaweb_user_preference", "username"): ("icingaweb_user", "name"),
            ("icingaweb_rememberme", "username"): ("icingaweb_user", "name")},
    "rows": {"icingaweb_user": 24, "icingaweb_group": 4, "icingaweb_group_membership": 30, "icingaweb_user_preference": 60, "icingaweb_rememberme": 18, "icingaweb_schema": 0},
    "row_hook": {"icingaweb_user": hook_user, "icingaweb_user_preference": hook_pref, "icingaweb_group_membership": hook_member},
    "cols": {
        "icingaweb_user.name": P("login-or-email"), "icingaweb_user.active": T("flag", lambda p, i, c: 0 if i % 9 == 8 else 1),
        "icingaweb_user.password_hash": CR("password-hash-bcrypt-binary-column ($2y$, some $1$ md5-crypt)", pw_hash),
        "icingaweb_group.id": T("pk", lambda p, i, c: i + 1), "icingaweb_group.name": T("group-name", lambda p, i, c: ["Administrators", "Operators", "Astreinte", "Lecture seule"][i]),
        "icingaweb_group.parent": T("fk", lambda p, i, c: None if i < 2 else 2),
        "icingaweb_group_membership.username": P("login-or-email"),
        "icingaweb_user_preference.username": P("login-or-email"), "icingaweb_user_preference.section": T("kv-section"), "icingaweb_user_preference.name": T("kv-attribute-name"),
        "icingaweb_user_preference.value": T("kv-value-settings"),
        "icingaweb_rememberme.username": P("login-or-email", lambda p, i, c: c["generated"]["icingaweb_user"][i % 24]["name"]),
        "icingaweb_rememberme.passphrase": CR("password-encrypted-aes (remember-me)", passphrase),
        "icingaweb_rememberme.random_iv": CR("encryption-iv-of-remembered-password", lambda p, i, c: hexs(32)),
        "icingaweb_rememberme.http_user_agent": P("user-agent", "ua"), "icingaweb_rememberme.expires_at": T("timestamp", lambda p, i, c: ts(-1, -30)),
    },
}
if __name__ == "__main__":
    build(SPEC)
