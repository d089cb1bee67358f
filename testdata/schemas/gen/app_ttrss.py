import sys, os, random, hashlib, json
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)
PREFS = ["PURGE_OLD_DAYS", "DEFAULT_UPDATE_INTERVAL", "DEFAULT_ARTICLE_LIMIT", "ALLOW_DUPLICATE_POSTS", "ENABLE_FEED_CATS", "USER_TIMEZONE", "USER_LANGUAGE"]


def mode2(p, i, c):
    salt = c["row"].get("salt") or ""
    return "MODE2:" + hashlib.sha256((salt + pw_clear()).encode()).hexdigest()


def users_hook(row, p, i, c):
    row["salt"] = urlsafe(187)[:250]
    row["pwd_hash"] = "MODE2:" + hashlib.sha256((row["salt"] + pw_clear()).encode()).hexdigest()


FEEDS = [("Le Monde - À la une", "https://www.lemonde.fr/rss/une.xml"), ("LinuxFr.org", "https://linuxfr.org/news.atom"), ("BBC News", "https://feeds.bbci.co.uk/news/rss.xml"),
         ("Korben", "https://korben.info/feed"), ("Next INpact", "https://www.nextinpact.com/rss/news.xml"), ("Hacker News", "https://news.ycombinator.com/rss")]
SPEC = {
    "app": "tt-rss",
    "existing": {"ttrss_users": [{"id": 1}], "ttrss_filter_types": [{"id": k} for k in range(1, 8)], "ttrss_filter_actions": [{"id": k} for k in range(1, 10)],
                 "ttrss_prefs_types": [{"id": k} for k in (1, 2, 3)], "ttrss_prefs_sections": [{"id": k} for k in (1, 2, 3, 4)],
                 "ttrss_prefs": [{"pref_name": n} for n in PREFS]},
    "rows": {"ttrss_users": 30, "ttrss_filter_types": 0, "ttrss_filter_actions": 0, "ttrss_prefs_types": 0, "ttrss_prefs_sections": 0, "ttrss_prefs": 0, "ttrss_version": 0,
             "ttrss_feeds": 30, "ttrss_feed_categories": 10, "ttrss_entries": 40, "ttrss_user_entries": 60, "ttrss_sessions": 20, "ttrss_user_prefs": 40,
             "ttrss_app_passwords": 8, "ttrss_access_keys": 6, "ttrss_tags": 20, "ttrss_labels2": 6, "ttrss_user_labels2": 6, "ttrss_settings_profiles": 4,
             "ttrss_error_log": 5, "ttrss_enclosures": 5},
    "row_hook": {"ttrss_users": users_hook},
    "cols": {
        "ttrss_users.id": T("pk", lambda p, i, c: i + 2), "ttrss_users.login": P("username", "login"), "ttrss_users.pwd_hash": CR("password-hash-sha256-salted-MODE2"),
        "ttrss_users.email": P("email", "email"), "ttrss_users.full_name": P("full-name", "full"), "ttrss_users.salt": CR("password-salt"),
        "ttrss_users.twitter_oauth": CR("oauth-tokens-serialized", lambda p, i, c: random.choice([None, php_serialize({"oauth_token": hexs(40), "oauth_token_secret": b64(30)})])),
        "ttrss_users.resetpass_token": CR("password-reset-token", lambda p, i, c: random.choice([None, None, "%d:%s" % (int(ts(3).timestamp()), hexs(40))])),
        "ttrss_users.access_level": T("enum", choice(0, 0, 10)), "ttrss_users.last_login": T("timestamp", "ts_recent"),
        "ttrss_app_passwords.title": T("label", choice("Tablette", "FeedReader Android", "NetNewsWire")), "ttrss_app_passwords.pwd_hash": CR("password-hash-sha256-salted", lambda p, i, c: "SSHA-512:%s:%s" % (hexs(128), urlsafe(18))),
        "ttrss_app_passwords.service": T("enum", const("api")),
        "ttrss_access_keys.access_key": CR("api-access-key", lambda p, i, c: urlsafe(18)), "ttrss_access_keys.feed_id": T("feed-ref", choice("-1", "-2", "12")),
        "ttrss_archived_feeds.title": T("feed-title", lambda p, i, c: FEEDS[i % 6][0]), "ttrss_archived_feeds.feed_url": T("url", lambda p, i, c: FEEDS[i % 6][1]), "ttrss_archived_feeds.site_url": T("url", "url"),
        "ttrss_feeds.title": T("feed-title", lambda p, i, c: FEEDS[i % 6][0]), "ttrss_feeds.feed_url": T("url", lambda p, i, c: FEEDS[i % 6][1]), "ttrss_feeds.icon_url": T("url", const("")),
        "ttrss_feeds.site_url": T("url", "url"), "ttrss_feeds.auth_login": P("username-for-feed-site", lambda p, i, c: random.choice(["", "", "", p.email])),
        "ttrss_feeds.auth_pass": CR("password-for-feed-site", lambda p, i, c: random.choice(["", "", "", pw_clear()])), "ttrss_feeds.last_error": T("error-text", const("")),
        "ttrss_feeds.last_modified": T("http-date", const("")), "ttrss_feeds.favicon_avg_color": T("color", const("#a0a0a0")), "ttrss_feeds.view_settings": T("setting", const("")),
        "ttrss_feeds.feed_language": T("locale", const("french")), "ttrss_feeds.parent_feed": T("fk", const(None)),
        "ttrss_feed_categories.title": T("category-name", choice("Actualités", "Tech", "Sport", "Cuisine")), "ttrss_feed_categories.view_settings": T("setting", const("")), "ttrss_feed_categories.parent_cat": T("fk", const(None)),
        "ttrss_entries.title": T("article-title", lambda p, i, c: FR.sentence(nb_words=8)), "ttrss_entries.guid": T("guid", lambda p, i, c: "SHA1:" + hexs(40)),
        "ttrss_entries.link": T("url", "url"), "ttrss_entries.content": T("article-content-html (published news, not about users)", lambda p, i, c: "<p>%s</p>" % FR.paragraph(nb_sentences=5)),
        "ttrss_entries.content_hash": T("hash", lambda p, i, c: "SHA1:" + hexs(40)), "ttrss_entries.cached_content": T("article-content-html", const(None)),
        "ttrss_entries.plugin_data": T("setting", const("")), "ttrss_entries.lang": T("locale", const("fr")), "ttrss_entries.comments": T("url", const("")),
        "ttrss_entries.author": P("article-author-name", "full"),
        "ttrss_user_entries.uuid": T("uuid", const("")), "ttrss_user_entries.tag_cache": T("tags", const("")), "ttrss_user_entries.label_cache": T("labels", const("")),
        "ttrss_user_entries.note": P("free-text-user-note", lambda p, i, c: random.choice(["", "", "À lire ce week-end", "Envoyer à %s" % c["people"][(i + 3) % 40].first, "Intéressant pour le projet de %s" % p.first])),
        "ttrss_user_entries.orig_feed_id": T("fk", const(None)),
        "ttrss_sessions.id": CR("session-id", lambda p, i, c: hexs(26)), "ttrss_sessions.data": CR("session-data-serialized", lambda p, i, c: base64.b64encode(('uid|i:%d;name|s:%d:"%s";access_level|i:0;csrf_token|s:32:"%s";ip_address|s:%d:"%s";pwd_hash|s:70:"MODE2:%s";' % (i + 2, len(p.login), p.login, hexs(32), len(p.ip4), p.ip4, hexs(64))).encode()).decode()),
        "ttrss_sessions.expire": T("timestamp-epoch", lambda p, i, c: int(ts(0, -1).timestamp()) if False else int(ts(1).timestamp())),
        "ttrss_user_prefs.pref_name": T("setting-name"), "ttrss_user_prefs.value": T("setting-value", choice("true", "false", "30", "Europe/Paris", "fr_FR")),
        "ttrss_tags.tag_name": T("tag", choice("linux", "politique", "recette", "sécurité", "football")),
        "ttrss_labels2.caption": T("label", choice("Important", "À lire", "Boulot")), "ttrss_labels2.fg_color": T("color", const("#ffffff")), "ttrss_labels2.bg_color": T("color", const("#d32f2f")),
        "ttrss_settings_profiles.title": T("label", choice("Mobile", "Travail")),
        "ttrss_error_log.errstr": T("error-text", const("Undefined index: feed_id")), "ttrss_error_log.filename": T("path", const("/usr/share/tt-rss/classes/feeds.php")),
        "ttrss_error_log.context": T("stack-trace", const("#0 /usr/share/tt-rss/backend.php(135): Feeds->view()")),
        "ttrss_enclosures.content_url": T("url", "url"), "ttrss_enclosures.content_type": T("mime-type", const("audio/mpeg")), "ttrss_enclosures.title": T("title", const("")), "ttrss_enclosures.duration": T("duration", const("00:42:00")),
        "ttrss_feedbrowser_cache.feed_url": T("url", "url"), "ttrss_feedbrowser_cache.site_url": T("url", "url"), "ttrss_feedbrowser_cache.title": T("feed-title", lambda p, i, c: FEEDS[i][0]),
        "ttrss_linked_feeds.feed_url": T("url", "url"), "ttrss_linked_feeds.site_url": T("url", "url"), "ttrss_linked_feeds.title": T("feed-title", lambda p, i, c: FEEDS[i][0]),
        "ttrss_linked_instances.access_key": CR("api-access-key", lambda p, i, c: urlsafe(18)), "ttrss_linked_instances.access_url": T("url", "url"),
        "ttrss_plugin_storage.name": T("plugin-name", choice("af_readability", "auth_internal")), "ttrss_plugin_storage.content": T("settings-serialized", lambda p, i, c: php_serialize({"enabled_feeds": [12, 14]})),
        "ttrss_filters2.title": T("label", const("Filtre")), "ttrss_filters2_rules.reg_exp": T("regex", const("(bitcoin|casino)")), "ttrss_filters2_rules.match_on": T("json", const('["0"]')),
        "ttrss_filters2_actions.action_param": T("setting", const("")), "ttrss_filter_actions.name": T("enum"), "ttrss_filter_actions.description": T("description"),
        "ttrss_filter_types.name": T("enum"), "ttrss_filter_types.description": T("description"), "ttrss_prefs.pref_name": T("setting-name"), "ttrss_prefs.def_value": T("setting-value"),
        "ttrss_prefs_types.type_name": T("enum"),
    },
}
if __name__ == "__main__":
    build(SPEC)
