import sys, os, random, json, base64, hashlib
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)


def uname(p):
    return ("%s %s" % (p.first, p.last)) if p.idx % 3 else p.login.capitalize()


def user_hook(row, p, i, c):
    row["user_name"] = uname(p)
    row["user_real_name"] = p.full if i % 2 else ""
    row["user_password"] = h_pbkdf2_mw(pw_clear()) if i % 10 else ":B:%s:%s" % (hexs(8), h_md5(hexs(8) + "-" + h_md5(pw_clear())))
    row["user_newpassword"] = ""
    row["user_email"] = p.email
    row["user_token"] = hexs(32)
    row["user_email_token"] = hexs(32) if i % 4 == 0 else None


def actor_hook(row, p, i, c):
    users = c["generated"]["user"]
    if i < len(users):
        row["actor_user"] = users[i]["user_id"]
        row["actor_name"] = users[i]["user_name"]
    else:  # anonymous editors are actors named by their IP
        row["actor_user"] = None
        row["actor_name"] = FR.ipv4_public() if i % 2 else FR.ipv6().upper()


SUMMARIES = ["Correction d'une faute", "Ajout de la section Histoire", "Annulation des modifications de {u}", "Mise à jour des horaires", "/* Références */ ajout de sources",
             "Réponse à {u}", "Page créée avec « Bienvenue sur le wiki de l'association »", "typo"]
PAGES = ["Accueil", "Statuts_de_l'association", "Compte-rendu_AG_2025", "Horaires_d'ouverture", "Recettes/Tarte_aux_pommes", "Procédure_VPN", "Planning_des_bénévoles",
         "Règlement_intérieur", "FAQ", "Liens_utiles", "Historique", "Contacts_partenaires", "Plan_d'accès", "Charte_informatique", "Boîte_à_idées"]


def comment_text(p, i, c):
    return random.choice(SUMMARIES).replace("{u}", uname(c["people"][(i + 3) % 40]))


def wikitext(p, i, c):
    return "== %s ==\n%s\n\n* %s\n* %s\n[[Catégorie:Association]]" % (FR.sentence(nb_words=3), FR.paragraph(nb_sentences=4), FR.sentence(), FR.sentence())


UPROPS = [("skin", lambda p: random.choice(["vector-2022", "vector", "timeless"])), ("language", lambda p: "fr"), ("timecorrection", lambda p: "ZoneInfo|60|Europe/Paris"),
          ("gender", lambda p: "male" if p.gender == "M" else "female"), ("nickname", lambda p: "[[Utilisateur:%s|%s]]" % (uname(p), p.first)), ("email-allow-new-users", lambda p: "0"),
          ("watchdefault", lambda p: "1"), ("rcdays", lambda p: "30")]


def uprop_hook(row, p, i, c):
    k, f = UPROPS[i % len(UPROPS)]
    u = c["generated"]["user"][i // len(UPROPS) % len(c["generated"]["user"])]
    row["up_user"] = u["user_id"]
    row["up_property"] = k
    row["up_value"] = f(c["people"][(u["user_id"] - 1) % 40])


def totp(p, i, c):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    return json.dumps({"keys": [{"secret": "".join(random.choice(alphabet) for _ in range(32)), "scratch_tokens": ["".join(random.choice(alphabet) for _ in range(16)) for _ in range(5)]}]})


def ipb_hook(row, p, i, c):
    ip = FR.ipv4_public()
    row["ipb_address"] = ip if i % 2 else uname(p)
    row["ipb_user"] = 0 if i % 2 else i + 1
    h = "%08X" % int.from_bytes(bytes(int(x) for x in ip.split(".")), "big")
    row["ipb_range_start"] = h if i % 2 else ""
    row["ipb_range_end"] = h if i % 2 else ""
    row["ipb_expiry"] = "infinity" if i % 3 == 0 else ts(0, -30)


def iphex(p, i, c):
    return "%08X" % int.from_bytes(bytes(int(x) for x in p.ip4.split(".")), "big")


MWTS = lambda p, i, c: ts()
SPEC = {
    "app": "mediawiki",
    "fks": {("actor", "actor_user"): ("user", "user_id"), ("revision", "rev_actor"): ("actor", "actor_id"), ("revision", "rev_page"): ("page", "page_id"),
            ("revision", "rev_comment_id"): ("comment", "comment_id"), ("recentchanges", "rc_actor"): ("actor", "actor_id"), ("recentchanges", "rc_comment_id"): ("comment", "comment_id"),
            ("user_groups", "ug_user"): ("user", "user_id"), ("watchlist", "wl_user"): ("user", "user_id"),
            ("logging", "log_actor"): ("actor", "actor_id"), ("ipblocks", "ipb_by_actor"): ("actor", "actor_id"), ("bot_passwords", "bp_user"): ("user", "user_id"),
            ("oathauth_users", "id"): ("user", "user_id"), ("abuse_filter_log", "afl_user"): ("user", "user_id"), ("slots", "slot_revision_id"): ("revision", "rev_id"),
            ("slots", "slot_content_id"): ("content", "content_id"), ("user_newtalk", "user_id"): ("user", "user_id"), ("user_former_groups", "ufg_user"): ("user", "user_id"),
            ("archive", "ar_actor"): ("actor", "actor_id"), ("image", "img_actor"): ("actor", "actor_id"), ("ip_changes", "ipc_rev_id"): ("revision", "rev_id"),
            ("uploadstash", "us_user"): ("user", "user_id")},
    "rows": {"user": 30, "actor": 38, "comment": 40, "revision": 45, "page": 15, "text": 20, "content": 20, "slots": 20, "recentchanges": 45, "logging": 20,
             "watchlist": 30, "user_properties": 48, "user_groups": 8, "user_former_groups": 2, "ipblocks": 6, "ip_changes": 8, "user_newtalk": 5, "bot_passwords": 3,
             "oathauth_users": 4, "abuse_filter": 3, "abuse_filter_log": 12, "abuse_filter_history": 3, "searchindex": 15, "archive": 5, "image": 5, "site_stats": 1, "slot_roles": 1, "content_models": 1},
    "row_hook": {"user": user_hook, "actor": actor_hook, "user_properties": uprop_hook, "ipblocks": ipb_hook},
    "cols": {
        "user.user_name": P("username"), "user.user_real_name": P("full-name"), "user.user_password": CR("password-hash-pbkdf2-sha512 (some legacy :B: salted md5)"),
        "user.user_newpassword": CR("password-hash-temporary"), "user.user_email": P("email"), "user.user_token": CR("remember-me-token"), "user.user_email_token": CR("email-confirmation-token"),
        "user.user_touched": T("timestamp", MWTS), "user.user_registration": T("timestamp", MWTS), "user.user_email_authenticated": T("timestamp", MWTS), "user.user_editcount": T("counter", lambda p, i, c: random.randint(0, 900)),
        "user.user_newpass_time": T("timestamp", const(None)), "user.user_email_token_expires": T("timestamp", MWTS), "user.user_password_expires": T("timestamp", const(None)),
        "actor.actor_name": P("username-or-ip"), "actor.actor_user": T("fk"),
        "comment.comment_text": P("free-text-edit-summary", comment_text), "comment.comment_hash": T("hash", lambda p, i, c: random.randint(-2**31, 2**31 - 1)), "comment.comment_data": T("json", const(None)),
        "page.page_title": T("page-title", lambda p, i, c: PAGES[i]), "page.page_namespace": T("enum", const(0)), "page.page_content_model": T("enum", const("wikitext")), "page.page_lang": T("locale", const(None)),
        "page.page_touched": T("timestamp", MWTS), "page.page_links_updated": T("timestamp", MWTS), "page.page_random": T("random", lambda p, i, c: random.random()),
        "revision.rev_timestamp": T("timestamp", MWTS), "revision.rev_sha1": T("hash-base36", lambda p, i, c: hexs(31)),
        "text.old_text": T("wiki-article-wikitext (page content, not a personal message)", wikitext), "text.old_flags": T("flags", const("utf-8")),
        "content.content_sha1": T("hash-base36", lambda p, i, c: hexs(31)), "content.content_address": T("blob-address", lambda p, i, c: "tt:%d" % (i + 1)), "content.content_model": T("enum", const(1)),
        "slots.slot_role_id": T("enum", const(1)), "slot_roles.role_name": T("enum", const("main")), "content_models.model_name": T("enum", const("wikitext")),
        "recentchanges.rc_timestamp": T("timestamp", MWTS), "recentchanges.rc_title": T("page-title", lambda p, i, c: random.choice(PAGES)), "recentchanges.rc_ip": P("ip", "ip46"),
        "recentchanges.rc_source": T("enum", const("mw.edit")), "recentchanges.rc_log_type": T("enum", const(None)), "recentchanges.rc_log_action": T("enum", const(None)), "recentchanges.rc_params": T("serialized", const("")),
        "logging.log_type": T("enum", choice("newusers", "block", "delete", "upload", "rights")), "logging.log_action": T("enum", choice("create", "block", "delete")),
        "logging.log_title": T("page-or-user-title", lambda p, i, c: random.choice(PAGES)), "logging.log_params": T("serialized", const('a:0:{}')), "logging.log_timestamp": T("timestamp", MWTS),
        "watchlist.wl_title": T("page-title", lambda p, i, c: random.choice(PAGES)), "watchlist.wl_notificationtimestamp": T("timestamp", const(None)),
        "user_properties.up_property": T("kv-attribute-name"), "user_properties.up_value": T("kv-value-mostly-settings (also gender, signature)"),
        "user_groups.ug_group": T("group-name", choice("sysop", "bureaucrat", "bot", "interface-admin")), "user_groups.ug_expiry": T("timestamp", const(None)),
        "user_former_groups.ufg_group": T("group-name", const("sysop")),
        "ipblocks.ipb_address": P("ip-or-username-blocked"), "ipblocks.ipb_range_start": P("ip-hex"), "ipblocks.ipb_range_end": P("ip-hex"), "ipblocks.ipb_timestamp": T("timestamp", MWTS),
        "ipblocks.ipb_expiry": T("timestamp-or-infinity"), "ipblocks.ipb_user": T("fk"),
        "ip_changes.ipc_hex": P("ip-hex", iphex), "ip_changes.ipc_rev_timestamp": T("timestamp", MWTS),
        "user_newtalk.user_ip": P("ip", lambda p, i, c: random.choice(["", p.ip4])), "user_newtalk.user_last_timestamp": T("timestamp", MWTS),
        "bot_passwords.bp_app_id": T("app-name", lambda p, i, c: "bot%d" % i), "bot_passwords.bp_password": CR("password-hash-pbkdf2-sha512", lambda p, i, c: h_pbkdf2_mw(pw_clear())),
        "bot_passwords.bp_token": CR("token", lambda p, i, c: hexs(32)), "bot_passwords.bp_restrictions": T("json", const('{"IPAddresses":["0.0.0.0/0","::/0"]}')), "bot_passwords.bp_grants": T("json", const('["basic","editpage"]')),
        "oathauth_users.module": T("enum", const("totp")), "oathauth_users.data": CR("totp-secret-and-scratch-tokens", totp),
        "abuse_filter.af_pattern": T("filter-rule", const('added_lines irlike "viagra|casino"')), "abuse_filter.af_user_text": P("username", lambda p, i, c: uname(p)),
        "abuse_filter.af_comments": P("free-text-admin-note", lambda p, i, c: "Filtre créé suite aux vandalismes signalés par %s" % uname(c["people"][i + 4])),
        "abuse_filter.af_public_comments": T("filter-description", const("Spam publicitaire")), "abuse_filter.af_actions": T("setting", const("disallow")), "abuse_filter.af_group": T("enum", const("default")),
        "abuse_filter.af_timestamp": T("timestamp", MWTS),
        "abuse_filter_action.afa_consequence": T("enum", const("disallow")), "abuse_filter_action.afa_parameters": T("setting", const("")),
        "abuse_filter_history.afh_user_text": P("username", lambda p, i, c: uname(p)), "abuse_filter_history.afh_pattern": T("filter-rule", const('added_lines irlike "casino"')),
        "abuse_filter_history.afh_comments": P("free-text-admin-note", lambda p, i, c: "modifié par %s" % p.first), "abuse_filter_history.afh_flags": T("flags", const("enabled")),
        "abuse_filter_history.afh_public_comments": T("filter-description", const("Spam")), "abuse_filter_history.afh_actions": T("serialized", const("a:0:{}")),
        "abuse_filter_history.afh_changed_fields": T("setting", const("pattern")), "abuse_filter_history.afh_group": T("enum", const("default")), "abuse_filter_history.afh_timestamp": T("timestamp", MWTS),
        "abuse_filter_log.afl_user_text": P("username-or-ip", lambda p, i, c: uname(p) if i % 2 else p.ip4), "abuse_filter_log.afl_ip": P("ip", "ip"),
        "abuse_filter_log.afl_action": T("enum", const("edit")), "abuse_filter_log.afl_actions": T("setting", const("disallow")),
        "abuse_filter_log.afl_var_dump": P("serialized-edit-vars (user name, IP, added text)", lambda p, i, c: "tt:%d" % random.randint(1, 99)),
        "abuse_filter_log.afl_title": T("page-title", lambda p, i, c: random.choice(PAGES)), "abuse_filter_log.afl_wiki": T("wiki-id", const(None)), "abuse_filter_log.afl_timestamp": T("timestamp", MWTS),
        "searchindex.si_title": T("page-title-normalised", lambda p, i, c: PAGES[i].lower().replace("_", " ")), "searchindex.si_text": T("wiki-article-text-normalised", lambda p, i, c: FR.paragraph().lower()),
        "archive.ar_title": T("page-title", lambda p, i, c: random.choice(PAGES)), "archive.ar_sha1": T("hash-base36", lambda p, i, c: hexs(31)), "archive.ar_timestamp": T("timestamp", MWTS),
        "image.img_name": T("file-name", lambda p, i, c: "Logo_%d.png" % i), "image.img_metadata": T("serialized-metadata", const('{"data":[]}')), "image.img_minor_mime": T("mime", const("png")),
        "image.img_sha1": T("hash-base36", lambda p, i, c: hexs(31)), "image.img_timestamp": T("timestamp", MWTS),
    },
}
if __name__ == "__main__":
    build(SPEC)
