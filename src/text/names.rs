//! Classifies a column as personal data from its name, its table's name and its type.
//!
//! Shared by the migration gate (a migration adds `religion TEXT`) and by live-database
//! discovery. Names are tokenised (`_`, `-`, camelCase, digits), lower-cased and accent-folded,
//! then matched against French and English vocabularies, abbreviations included (`dt_naiss`,
//! `num_secu`, `mdp`, `cp`). Matching is on whole tokens, never substrings, so `partie` is not
//! `parti`, `panier` not `pan`, `trace` not `race`, `cpt` not `cp`.
//!
//! Rules are ordered: the first that matches wins, so specific phrases (`adresse_ip`,
//! `orientation_sexuelle`, `code_postal`, `code_insee`) come before the single words they
//! contain. A rule may require a kind of type (free text only for text types, a password only
//! for text or binary, a birth date not for booleans) and may be vetoed by a token
//! (`traitement` is a medical treatment only with a medical word: `date_traitement` is
//! processing). Words that name both a person and a thing (`nom`, `name`, `description`,
//! `origine`) also look at the table: `formations.nom` is not a surname.

use std::fmt;

use crate::catalog::TypeKind;

/// The kind of personal data a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnCategory {
    Email,
    Phone,
    Nir,
    Iban,
    Card,
    CardSecurityCode,
    BirthDate,
    Address,
    Postcode,
    LastName,
    FirstName,
    FullName,
    Gender,
    Nationality,
    Ip,
    Password,
    Health,
    Religion,
    Ethnic,
    Political,
    Union,
    Sexual,
    Offence,
    Biometric,
    FreeText,
    Consent,
    Financial,
    IdDocument,
    /// A login, user name or pseudonym: identifies a person on a service.
    Username,
    /// Latitude, longitude, GPS position.
    Geolocation,
    /// The name or number of a company or body (an employer, a partner): not personal by itself.
    Organisation,
}

impl ColumnCategory {
    pub const ALL: [ColumnCategory; 31] = [
        ColumnCategory::Email,
        ColumnCategory::Phone,
        ColumnCategory::Nir,
        ColumnCategory::Iban,
        ColumnCategory::Card,
        ColumnCategory::CardSecurityCode,
        ColumnCategory::BirthDate,
        ColumnCategory::Address,
        ColumnCategory::Postcode,
        ColumnCategory::LastName,
        ColumnCategory::FirstName,
        ColumnCategory::FullName,
        ColumnCategory::Gender,
        ColumnCategory::Nationality,
        ColumnCategory::Ip,
        ColumnCategory::Password,
        ColumnCategory::Health,
        ColumnCategory::Religion,
        ColumnCategory::Ethnic,
        ColumnCategory::Political,
        ColumnCategory::Union,
        ColumnCategory::Sexual,
        ColumnCategory::Offence,
        ColumnCategory::Biometric,
        ColumnCategory::FreeText,
        ColumnCategory::Consent,
        ColumnCategory::Financial,
        ColumnCategory::IdDocument,
        ColumnCategory::Username,
        ColumnCategory::Geolocation,
        ColumnCategory::Organisation,
    ];

    /// Kebab-case id, as used in reports and policies.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnCategory::Email => "email",
            ColumnCategory::Phone => "phone",
            ColumnCategory::Nir => "nir",
            ColumnCategory::Iban => "iban",
            ColumnCategory::Card => "card",
            ColumnCategory::CardSecurityCode => "card-security-code",
            ColumnCategory::BirthDate => "birth-date",
            ColumnCategory::Address => "address",
            ColumnCategory::Postcode => "postcode",
            ColumnCategory::LastName => "last-name",
            ColumnCategory::FirstName => "first-name",
            ColumnCategory::FullName => "full-name",
            ColumnCategory::Gender => "gender",
            ColumnCategory::Nationality => "nationality",
            ColumnCategory::Ip => "ip",
            ColumnCategory::Password => "password",
            ColumnCategory::Health => "health",
            ColumnCategory::Religion => "religion",
            ColumnCategory::Ethnic => "ethnic",
            ColumnCategory::Political => "political",
            ColumnCategory::Union => "union",
            ColumnCategory::Sexual => "sexual",
            ColumnCategory::Offence => "offence",
            ColumnCategory::Biometric => "biometric",
            ColumnCategory::FreeText => "free-text",
            ColumnCategory::Consent => "consent",
            ColumnCategory::Financial => "financial",
            ColumnCategory::IdDocument => "id-document",
            ColumnCategory::Username => "username",
            ColumnCategory::Geolocation => "geolocation",
            ColumnCategory::Organisation => "organisation",
        }
    }

    /// Parses [`as_str`](Self::as_str) (snake_case accepted too).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.replace('_', "-");
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Special categories of art. 9 GDPR, and offences (art. 10).
    pub fn is_sensitive(self) -> bool {
        matches!(
            self,
            ColumnCategory::Health
                | ColumnCategory::Religion
                | ColumnCategory::Ethnic
                | ColumnCategory::Political
                | ColumnCategory::Union
                | ColumnCategory::Sexual
                | ColumnCategory::Offence
                | ColumnCategory::Biometric
        )
    }

    /// National or financial identifiers whose values can be validated (NIR key, IBAN mod 97,
    /// Luhn).
    pub fn is_identifier(self) -> bool {
        matches!(
            self,
            ColumnCategory::Nir | ColumnCategory::Iban | ColumnCategory::Card
        )
    }

    /// Data about a person. Every category is, except free text (which may or may not hold
    /// personal data: it must be scanned), consent flags (which are about a person's choice,
    /// reported by the consent rules rather than as personal data) and organisations (a company
    /// name is about a company; it becomes personal data only through the row it sits in).
    pub fn is_personal(self) -> bool {
        !matches!(
            self,
            ColumnCategory::FreeText | ColumnCategory::Consent | ColumnCategory::Organisation
        )
    }
}

impl fmt::Display for ColumnCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a column was classified, and how sure the classifier is.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NameClass {
    pub category: ColumnCategory,
    /// 0..1: ≥ 0.9 unambiguous name, 0.6–0.9 likely, < 0.6 ambiguous (report for review).
    pub confidence: f32,
    /// e.g. "name matches `num_secu` (NIR)".
    pub reason: String,
}

/// What a table is about, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TableKind {
    Person,
    Thing,
    Unknown,
}

/// Type requirement of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    /// Any type.
    Any,
    /// A value that is a string or a number (identifiers, phone, postcode): not a boolean nor a
    /// date.
    Value,
    /// A string (or unknown, enum, binary): names, e-mail, address.
    Stringy,
    /// Free text: a text type long enough to hold a sentence (or unknown).
    FreeText,
    /// A secret: text or binary (or unknown).
    Secret,
    /// Date-like: dates best, strings and numbers tolerated, never booleans.
    DateLike,
}

/// One vocabulary rule. `pats` are token sequences written with `_` (`date_naissance` matches
/// the tokens `date`, `naissance` next to each other).
struct Rule {
    cat: ColumnCategory,
    pats: &'static [&'static str],
    /// Any of these tokens anywhere in the name vetoes the rule.
    veto: &'static [&'static str],
    ty: Ty,
    conf: f32,
    label: &'static str,
}

const fn r(
    cat: ColumnCategory,
    pats: &'static [&'static str],
    veto: &'static [&'static str],
    ty: Ty,
    conf: f32,
    label: &'static str,
) -> Rule {
    Rule {
        cat,
        pats,
        veto,
        ty,
        conf,
        label,
    }
}

use ColumnCategory as C;

/// Tokens that make a column a reference, a count or a technical marker rather than the data:
/// `email_id`, `nb_commentaires`, `adresse_verifiee_le`. Sensitive categories ignore the `id`
/// veto (`religion_id` points at a religion).
#[rustfmt::skip]
const TECHNICAL: &[&str] = &[
    "id", "ids", "fk", "uuid", "nb", "nbr", "nombre", "count", "cnt", "total", "idx", "seq",
    "hash_id", "verified", "verifie", "verifiee", "valide", "validated", "confirmed", "confirme",
    "confirmee", "type", "format", "template", "modele", "statut", "status", "etat", "state",
    "sent", "envoye", "envoyee", "bounce", "bounced", "length", "longueur", "taille", "size",
];

/// Words that, next to `nom`/`name`/`libelle`, make it the name of a thing, not of a person.
#[rustfmt::skip]
const THING_WORDS: &[&str] = &[
    "entreprise", "societe", "formation", "ecole", "etablissement", "produit", "fichier",
    "programme", "cours", "campagne", "evenement", "event", "ville", "rue", "voie", "banque",
    "organisme", "structure", "association", "promo", "promotion", "diplome", "projet", "service",
    "departement", "pays", "commune", "site", "domaine", "serveur", "table", "colonne", "champ",
    "groupe", "equipe", "employeur", "lycee", "universite", "stage", "poste", "metier", "classe",
    "matiere", "salle", "campus", "marque", "region", "categorie", "modele", "template",
    "document", "image", "cle", "parametre", "role", "etape", "file", "company", "school",
    "course", "product", "program", "project", "campaign", "city", "country", "street", "bank",
    "organisation", "organization", "org", "team", "group", "host", "domain", "column", "field",
    "class", "brand", "category", "tag", "key", "role", "step", "plan", "offre", "offer",
    "session", "module", "option", "filiere", "specialite", "cursus", "parcours", "niveau",
    "level", "universite", "university", "college", "job", "app", "application", "device",
    "appareil", "navigateur", "browser", "bucket", "queue", "job", "schema", "index", "sequence",
    "contrat", "contract", "partenaire", "partner", "fournisseur", "supplier", "vendor",
    "employer", "entite", "entity", "lieu", "place", "venue", "batiment", "building", "site",
    "agence", "agency", "source", "canal", "channel", "media", "support", "piece", "attachment",
    "upload", "icone", "icon", "logo", "photo",
];

/// Words that, next to `nom`/`name`, make it a person's name.
#[rustfmt::skip]
const PERSON_WORDS: &[&str] = &[
    "famille", "naissance", "usage", "jeune", "fille", "marital", "epoux", "epouse", "pere",
    "mere", "parent", "parents", "tuteur", "tutrice", "contact", "responsable", "eleve",
    "etudiant", "client", "candidat", "donateur", "titulaire", "representant", "legal", "urgence",
    "personne", "conjoint", "enfant", "beneficiaire", "destinataire", "expediteur", "signataire",
    "referent", "adherent", "membre", "benevole", "alumni", "guardian", "holder", "recipient",
    "sender", "spouse", "father", "mother", "child", "emergency", "maiden", "birth", "legal",
    "person", "customer", "student", "applicant", "donor", "member", "user", "utilisateur",
    "owner", "proprietaire", "maiden", "middle", "full", "complet", "billing", "shipping",
    "delivery", "facturation", "livraison", "author", "auteur", "payer", "payeur",
];

/// Table-name words for tables about people.
#[rustfmt::skip]
const PERSON_TABLES: &[&str] = &[
    "etudiant", "eleve", "student", "pupil", "prospect", "alumni", "alumnus", "ancien", "diplome",
    "candidat", "candidature", "applicant", "application", "donateur", "donor", "user",
    "utilisateur", "contact", "client", "customer", "personne", "person", "people", "membre",
    "member", "adherent", "parent", "tuteur", "guardian", "employe", "employee", "salarie",
    "staff", "enseignant", "teacher", "professeur", "intervenant", "profil", "profile", "account",
    "compte", "patient", "benevole", "volunteer", "inscrit", "inscription", "registration",
    "enrollment", "enrolment", "responsable", "famille", "family", "lead", "apprenant", "learner",
    "stagiaire", "intern", "auteur", "author", "participant", "attendee", "subscriber", "abonne",
    "beneficiaire", "beneficiary", "individu", "individual", "identite", "identity", "adresse",
    "address", "demandeur", "requester", "interlocuteur", "representant", "referent", "recruteur",
    "recruiter", "signataire", "souscripteur", "payeur", "payer", "titulaire", "holder", "agent",
    "collaborateur", "dossier", "paiement", "payment", "don", "donation", "consentement",
    "consent", "interaction", "demande", "request", "rdv", "rendez", "entretien", "interview",
];

/// Table-name words for tables about things.
#[rustfmt::skip]
const THING_TABLES: &[&str] = &[
    "formation", "cours", "course", "entreprise", "company", "organisation", "organization",
    "ecole", "school", "campus", "produit", "product", "campagne", "campaign", "session",
    "programme", "program", "evenement", "event", "salle", "room", "categorie", "category", "tag",
    "setting", "parametre", "pays", "country", "ville", "city", "departement", "matiere",
    "subject", "etablissement", "partenaire", "partner", "fichier", "file", "document", "statut",
    "status", "type", "role", "permission", "migration", "job", "filiere", "specialite", "module",
    "offre", "offer", "plan", "tarif", "price", "lieu", "site", "agence", "agency", "source",
    "canal", "channel", "niveau", "level", "promotion", "diplome_type", "template", "modele",
    "menu", "page", "article", "post", "news", "actualite", "projet", "project", "equipe", "team",
    "group", "groupe", "classe", "batiment", "building", "article", "faq", "question", "lecon",
    "lesson", "examen", "exam", "epreuve", "calendrier", "calendar", "semestre", "annee",
    "periode", "sequence", "region",
    // Definitions and settings, whatever they configure (`mdl_user_info_field`, `llx_const`,
    // `wp_options`): their `name` or `description` is a field's or a setting's.
    "field", "champ", "config", "configuration", "const", "constant", "option",
];

/// Ordered rules: the first match wins.
#[rustfmt::skip]
static RULES: &[Rule] = &[
    // Phrases that contain a word of another category come first.
    r(
        C::Ip,
        &[
            "adresse_ip", "ip_address", "ip_addr", "ip", "ipv4", "ipv6", "remote_addr",
            "remote_ip", "client_ip", "ipaddress", "ipaddr", "lastip", "remoteip", "clientip",
            "userip", "loginip", "adresseip",
        ],
        &["type", "range", "plage", "whitelist", "allowlist"],
        Ty::Value,
        0.9,
        "IP address",
    ),
    r(
        C::Email,
        &[
            "adresse_email", "adresse_mail", "adresse_courriel", "adresse_electronique",
            "email_address", "e_mail", "email", "emails", "mail", "courriel", "mel", "email2",
        ],
        &[
            "template", "modele", "subject", "objet", "sujet", "sent", "envoye", "domaine",
            "domain", "server", "serveur", "smtp", "body", "corps", "campaign", "campagne", "log",
            "bounce", "provider", "fournisseur", "queue", "opened", "ouvert", "notification",
            "notifications", "preference", "preferences", "frequency", "frequence",
        ],
        Ty::Stringy,
        0.95,
        "e-mail",
    ),
    r(
        C::Sexual,
        &[
            "orientation_sexuelle", "sexual_orientation", "vie_sexuelle", "sex_life", "sexualite",
            "sexuality", "identite_genre", "identite_de_genre", "gender_identity", "lgbt",
        ],
        &[],
        Ty::Any,
        0.95,
        "sexual orientation",
    ),
    r(
        C::Nationality,
        &[
            "lieu_naissance", "lieu_de_naissance", "ville_naissance", "commune_naissance",
            "pays_naissance", "pays_de_naissance", "departement_naissance", "birthplace",
            "birth_place", "place_of_birth", "country_of_birth", "birth_country", "nationalite",
            "nationalites", "nationality", "citizenship", "pays_origine", "country_of_origin",
        ],
        &[],
        Ty::Stringy,
        0.85,
        "nationality / place of birth",
    ),
    r(
        C::BirthDate,
        &[
            "date_naissance", "date_de_naissance", "dt_naiss", "dt_naissance", "date_naiss",
            "d_naiss", "dnaiss", "datenaissance", "datenaiss", "ddn", "naissance", "ne_le",
            "nee_le", "birthdate", "birth_date", "birthday", "date_of_birth", "dob", "born_on",
            "born_at", "annee_naissance", "birth_year", "year_of_birth", "age", "birth",
        ],
        &[
            "lieu", "ville", "pays", "commune", "place", "country", "departement", "name", "nom",
            "certificate", "certificat", "weight", "poids",
            // An age bracket or a limit is not a person's birth date: `age_group`,
            // `tranche_age`, `age_min`.
            "group", "groupe", "range", "tranche", "bracket", "band", "min", "max", "minimum",
            "maximum", "limite", "limit", "moyen", "moyenne", "average", "mean", "cible",
            "target", "categorie", "category",
        ],
        Ty::DateLike,
        0.95,
        "birth date",
    ),
    // Identifiers.
    r(
        C::Nir,
        &[
            "num_secu", "numero_secu", "no_secu", "n_secu", "secu", "securite_sociale",
            "secu_sociale", "numero_securite_sociale", "num_securite_sociale", "nir", "nir_cle",
            "no_ss", "num_ss", "numero_ss", "n_ss", "nss", "numero_insee", "num_insee", "no_insee",
            "insee_personne", "carte_vitale", "ssn", "social_security", "social_security_number",
            "social_security_no", "nino", "national_insurance",
        ],
        &[
            "commune", "code", "ville", "departement", "region", "organisme", "caisse", "centre",
        ],
        Ty::Value,
        0.95,
        "NIR / social security number",
    ),
    r(
        C::CardSecurityCode,
        &[
            "cvv", "cvv2", "cvc", "cvc2", "cvn", "cid_carte", "cryptogramme", "crypto_carte",
            "cryptogramme_visuel", "code_securite", "code_de_securite", "security_code",
            "card_security_code", "card_code", "card_verification",
        ],
        &[],
        Ty::Value,
        0.95,
        "card security code",
    ),
    r(
        C::Iban,
        &[
            "iban", "rib", "bban", "compte_bancaire", "coordonnees_bancaires",
            "numero_compte_bancaire", "bank_account", "bank_account_number", "account_number_bank",
            "numero_compte", "no_compte", "num_compte", "releve_identite_bancaire",
        ],
        &["type", "pays", "country", "banque_nom", "format"],
        Ty::Value,
        0.95,
        "IBAN / bank account",
    ),
    r(
        C::IdDocument,
        &[
            "numero_carte_etudiant", "carte_etudiant", "numero_passeport", "num_passeport",
            "passeport", "passport", "passport_number", "passport_no", "cni", "numero_cni",
            "carte_identite", "carte_d_identite", "carte_nationale_identite", "piece_identite",
            "piece_d_identite", "id_card", "identity_card", "identity_document", "national_id",
            "permis_conduire", "permis_de_conduire", "driving_licence", "driving_license",
            "drivers_license", "driver_license", "titre_sejour", "titre_de_sejour",
            "residence_permit", "ine", "numero_ine", "num_ine", "code_ine", "num_permis",
            "numero_permis", "no_permis", "n_permis", "dni", "numero_dni",
        ],
        &["type", "date_expiration_type"],
        Ty::Value,
        0.85,
        "identity document / national number",
    ),
    r(
        C::Card,
        &[
            "numero_carte", "num_carte", "no_carte", "n_carte", "numero_cb", "num_cb", "no_cb",
            "carte_bancaire", "numero_carte_bancaire", "carte_credit", "card_number", "card_no",
            "card_num", "cardnumber", "credit_card", "credit_card_number", "cc_number", "cc_num",
            "ccnum", "pan", "card_pan", "primary_account_number", "card_expiry",
            "expiration_carte", "date_expiration_carte", "card_exp", "cc_exp",
        ],
        &[
            "fidelite", "membre", "adherent", "loyalty", "member", "last4", "last_4", "last_four",
            "derniers", "masque", "masked", "brand", "marque", "type", "cadeau", "gift",
            "transport", "grise", "wifi", "sim", "badge", "acces", "access", "restaurant",
            "cantine", "visite",
        ],
        Ty::Value,
        0.9,
        "payment card number",
    ),
    r(
        C::Password,
        &[
            "hash_mdp", "mdp_hash", "mdp", "mot_de_passe", "motdepasse", "mot_passe", "password",
            "passwd", "pwd", "pass", "password_hash", "hashed_password", "encrypted_password",
            "password_digest", "passphrase", "secret_question_answer", "reponse_secrete",
            "two_factor_secret", "otp_secret", "totp_secret", "mfa_secret",
            "two_factor_recovery_codes", "recovery_codes", "code_pin", "pin_code", "pin",
        ],
        &[
            "reset", "token", "expires", "expire", "expiration", "changed", "change", "updated",
            "modifie", "policy", "politique", "hint", "indice", "at", "le", "date", "length",
            "longueur", "strength", "force", "tentatives", "attempts", "required", "obligatoire",
            "oublie", "forgot", "lost", "sent", "envoye", "pass_culture", "pass_sanitaire",
            "pass_navigo", "culture", "sanitaire", "navigo", "vaccinal", "forfait", "salt",
        ],
        Ty::Secret,
        0.95,
        "password",
    ),
    // Article 9 / 10.
    r(
        C::Health,
        &[
            "sante", "etat_sante", "probleme_sante", "health", "health_status", "health_condition",
            "medical", "medicale", "medicaux", "medicales", "dossier_medical",
            "certificat_medical", "handicap", "handicape", "situation_handicap", "disability",
            "disabilities", "disabled", "allergie", "allergies", "allergy",
            "allergies_alimentaires", "pathologie", "pathologies", "maladie", "maladies",
            "illness", "disease", "diagnostic", "diagnosis", "traitement_medical",
            "traitement_medicamenteux", "traitement_en_cours", "medicament", "medicaments",
            "medication", "medications", "groupe_sanguin", "blood_type", "blood_group", "vaccin",
            "vaccination", "vaccinations", "pai", "mdph", "rqth", "aesh", "amenagement_handicap",
            "grossesse", "pregnancy", "pregnant", "enceinte", "psychologique", "psychiatrique",
            "mental_health", "sante_mentale", "infirmerie", "regime_medical", "arret_maladie",
            "sick_leave", "taux_incapacite", "invalidite", "mutuelle_sante",
            "antecedents_medicaux", "medical_history", "symptomes", "symptoms", "dyslexie",
            "troubles_apprentissage", "amenagement_examen", "amenagements_examen",
            "amenagement_examens", "amenagements_examens", "amenagement_epreuves",
            "amenagements_epreuves", "amenagement_scolarite", "amenagement_scolaire",
            "amenagements_scolaires", "tiers_temps", "exam_accommodation", "exam_accommodations",
            "accessibility_needs", "special_needs", "besoins_particuliers", "medecin_travail",
            "medecin_du_travail", "medecine_travail", "medecine_du_travail", "medecin_traitant",
            "occupational_health",
        ],
        &["mutuelle_nom"],
        Ty::Any,
        0.9,
        "health data",
    ),
    r(
        C::Health,
        &[
            "regime_alimentaire", "regimes_alimentaires", "regime_special", "regime_particulier",
            "restrictions_alimentaires", "restriction_alimentaire", "dietary_requirements",
            "dietary_restrictions", "dietary_needs", "diet",
        ],
        &[],
        Ty::Any,
        0.75,
        "dietary regime (may reveal health or religion)",
    ),
    r(
        C::Religion,
        &[
            "religion", "religions", "religieux", "religieuse", "confession",
            "confession_religieuse", "culte", "croyance", "croyances", "conviction_religieuse",
            "convictions_religieuses", "religious", "religious_affiliation", "faith", "belief",
            "beliefs", "pratique_religieuse",
        ],
        &[],
        Ty::Any,
        0.95,
        "religion",
    ),
    r(
        C::Ethnic,
        &[
            "origine_ethnique", "origines_ethniques", "ethnie", "ethnique", "ethnicity", "ethnic",
            "ethnic_origin", "ethnic_group", "race", "racial", "racial_origin", "couleur_peau",
            "skin_color", "skin_colour", "origine_raciale",
        ],
        &[],
        Ty::Any,
        0.95,
        "racial or ethnic origin",
    ),
    r(
        C::Political,
        &[
            "opinion_politique", "opinions_politiques", "orientation_politique",
            "appartenance_politique", "engagement_politique", "parti", "parti_politique",
            "political", "political_opinion", "political_opinions", "political_party",
            "political_affiliation", "political_view", "political_views", "politics", "vote",
            "intention_vote", "voting_intention",
        ],
        &[
            "parti_pris", "poll", "sondage", "election", "elections", "count",
        ],
        Ty::Any,
        0.9,
        "political opinion",
    ),
    r(
        C::Union,
        &[
            "syndicat", "syndical", "syndicale", "syndique", "syndiquee", "appartenance_syndicale",
            "adhesion_syndicale", "mandat_syndical", "delegue_syndical", "union_member",
            "union_membership", "trade_union", "labor_union", "labour_union", "unionized",
            "unionised", "union_rep",
        ],
        &["copropriete", "mixte", "initiative", "intercommunal"],
        Ty::Any,
        0.95,
        "trade-union membership",
    ),
    r(
        C::Offence,
        &[
            "casier_judiciaire", "extrait_casier", "bulletin_casier", "condamnation",
            "condamnations", "condamne", "infraction", "infractions", "antecedents_judiciaires",
            "antecedent_judiciaire", "mesure_judiciaire", "sanction_penale", "delit", "delits",
            "criminal_record", "criminal", "conviction", "convictions", "offence", "offences",
            "offense", "offenses", "criminal_history", "incarceration", "prison", "detention",
            "garde_a_vue", "police_record", "background_check",
        ],
        &[
            "conviction_religieuse", "convictions_religieuses", "religieuse", "religieuses",
        ],
        Ty::Any,
        0.9,
        "criminal offence / conviction",
    ),
    r(
        C::Biometric,
        &[
            "biometrie", "biometrique", "biometric", "biometrics", "empreinte_digitale",
            "empreintes_digitales", "empreinte", "fingerprint", "fingerprints", "face_encoding",
            "face_template", "face_embedding", "facial", "reconnaissance_faciale", "face_id",
            "iris", "scan_iris", "retina", "voice_print", "voiceprint", "empreinte_vocale",
            "gabarit_biometrique",
        ],
        &[
            "carbone", "carbon", "ecologique", "numerique", "digital_footprint", "hash", "md5",
            "sha", "checksum", "fichier",
        ],
        Ty::Any,
        0.95,
        "biometric data",
    ),
    // Consent and financial.
    r(
        C::Consent,
        &[
            "consentement", "consentements", "consent", "consented", "consents",
            "consent_marketing", "opt_in", "optin", "opt_out", "optout", "newsletter",
            "newsletters", "abonne_newsletter", "inscrit_newsletter", "rgpd", "gdpr", "accepte",
            "acceptee", "accepte_cgu", "accepte_cgv", "accepte_conditions", "accepte_rgpd",
            "accept", "accepted", "accepts", "accepts_marketing", "marketing", "marketing_emails",
            "autorise", "autorisation", "autorisation_photo", "droit_image", "droit_a_l_image",
            "image_rights", "photo_consent", "prospection", "sollicitation",
            "communications_commerciales", "offres_partenaires", "partner_offers", "subscribed",
            "unsubscribed", "desabonne", "do_not_contact", "ne_pas_contacter", "bloctel",
            "pre_coche", "precoche", "case_precochee",
            // Opposition flags: `do_not_email`, `do_not_phone` (CiviCRM), `no_email`
            // (Dolibarr), `emailstop` (Moodle); agreement flags: `policyagreed`.
            "do_not", "dont_contact", "no_email", "no_mail", "no_sms", "no_phone", "no_call",
            "emailstop", "stop_email", "stop_mail", "stop_sms", "agreed", "policy_agreed",
            "policyagreed", "terms_agreed",
        ],
        // `agreed_price`, `montant_accepte`: an agreed amount, not a consent.
        &["mail_id", "price", "prix", "amount", "montant", "rate", "taux", "tarif"],
        Ty::Any,
        0.9,
        "consent",
    ),
    // `accord` is a consent (`accord_photo`, `accord_parental`), but not a trade agreement.
    r(
        C::Consent,
        &["accord", "accords"],
        &[
            "commercial", "commerciaux", "cadre", "tarifaire", "entreprise", "fournisseur",
            "partenariat", "partenaire", "convention",
        ],
        Ty::Any,
        0.8,
        "consent (agreement)",
    ),
    r(
        C::Financial,
        &[
            "bic", "swift", "code_bic", "salaire", "salaires", "salary", "remuneration", "revenu",
            "revenus", "revenu_fiscal", "revenu_fiscal_reference", "income", "revenus_foyer",
            "household_income", "quotient_familial", "avis_imposition", "impot", "impots",
            "tax_return", "boursier", "boursiere", "echelon_bourse", "bourse_crous", "scholarship",
            "dette", "dettes", "debt", "impaye", "impayes", "unpaid", "surendettement",
            "solvabilite", "credit_score", "score_credit", "patrimoine", "situation_financiere",
            "financial_situation", "difficultes_financieres", "aides_sociales", "allocations",
            "caf", "numero_allocataire",
        ],
        &[],
        Ty::Any,
        0.85,
        "financial situation",
    ),
    // Identity and contact.
    r(
        C::Username,
        &[
            "username", "user_name", "usernames", "login", "login_name", "user_login", "nom_utilisateur",
            "identifiant_connexion", "identifiant_utilisateur", "pseudo", "pseudonyme", "nickname",
            "screen_name", "screenname", "nick_name", "nick",
        ],
        &["attempts", "tentatives", "url", "page", "provider", "method", "methode", "ip"],
        Ty::Stringy,
        0.85,
        "user name / login",
    ),
    r(
        C::Geolocation,
        &[
            "latitude", "longitude", "lat", "lng", "lon", "geoloc", "geolocalisation",
            "geolocation", "geo_location", "geo_lat", "geo_lng", "gps", "coordonnees_gps",
            "position_gps", "gps_position", "gps_coordinates", "geo_point", "geopoint",
            "geocode", "geo_code", "geo_coords", "geo_coordinates", "latlng", "latlon",
            "lat_lng", "lat_lon", "geo_position",
        ],
        // Flags about the position, not the position: `manual_geo_code`, `has_gps`.
        &["manual", "is", "has", "enabled", "allow", "allowed", "override"],
        Ty::Any,
        0.85,
        "geolocation",
    ),
    r(
        C::Phone,
        &[
            "tel", "tel_portable", "tel_fixe", "tel_mobile", "tel_domicile", "tel_pro",
            "telephone", "telephones", "telephone_portable", "telephone_fixe", "portable",
            "mobile", "mobile_phone", "gsm", "fax", "phone", "phones", "phone_number",
            "phonenumber", "cellphone", "cell_phone", "cell", "numero_telephone", "num_tel",
            "no_tel", "numero_tel", "msisdn", "whatsapp", "numero_portable",
        ],
        &[
            "app", "application", "version", "os", "device", "appareil", "compatible",
            "responsive", "theme", "indicatif", "prefix", "prefixe", "country_code",
            "indicatif_pays", "cell_id",
            // Flags about the number, not the number: `do_not_phone`, `has_mobile`.
            "not", "is", "has", "opt", "optout", "optin", "consent", "consentement", "verified",
            "verifie", "confirmed", "allowed",
            // An extension is not a number one can call: `phone_ext`.
            "ext", "extension",
        ],
        Ty::Value,
        0.9,
        "phone number",
    ),
    r(
        C::Postcode,
        &[
            "code_postal", "codepostal", "code_post", "cp", "cp_naissance", "zip", "zipcode",
            "zip_code", "postcode", "post_code", "postal_code", "postalcode", "cedex",
        ],
        &["file", "fichier", "archive"],
        Ty::Value,
        0.9,
        "postcode",
    ),
    // A street number is part of an address even stored as an integer (`street_number INT`);
    // a bare `numero` is not enough to say.
    r(
        C::Address,
        &[
            "street_number", "street_no", "house_number", "numero_rue", "numero_voie",
            "num_rue", "no_rue", "num_voie", "no_voie",
        ],
        &[],
        Ty::Value,
        0.8,
        "street number (part of an address)",
    ),
    r(
        C::Address,
        &[
            "adresse", "adresses", "adresse_postale", "address", "addresses", "addr", "adr",
            "adresse1", "adresse2", "address1", "address2", "address_line", "address_line1",
            "address_line2", "ligne_adresse", "complement_adresse", "rue", "street",
            "street_address", "voie", "numero_rue", "numero_voie", "num_rue", "no_rue", "lieu_dit",
            "boite_postale", "domicile", "home_address", "billing_address", "shipping_address",
            "adresse_facturation", "adresse_livraison", "adresse_domicile",
            "geolocalisation_domicile", "street_name", "nom_rue", "nom_voie", "libelle_voie",
        ],
        &[
            "mac", "ip", "email", "mail", "web", "url", "site", "memoire", "memory", "wallet",
            "contract", "contrat", "smart", "eth", "btc", "blockchain",
        ],
        Ty::Stringy,
        0.85,
        "postal address",
    ),
    r(
        C::Address,
        &[
            "ville", "city", "commune", "localite", "town", "pays_residence",
            "country_of_residence", "departement_residence",
        ],
        &["naissance", "birth"],
        Ty::Stringy,
        0.6,
        "city (part of an address)",
    ),
    r(
        C::Gender,
        &[
            "sexe", "sex", "gender", "genre", "civilite", "civility", "salutation",
        ],
        &[
            "film", "movie", "music", "musique", "livre", "book", "litteraire",
        ],
        Ty::Any,
        0.85,
        "gender",
    ),
    r(
        C::FirstName,
        &[
            "prenom", "prenoms", "prenom_usage", "first_name", "firstname", "first_names",
            "given_name", "givenname", "forename", "fname", "prenom_eleve", "prenom_etudiant",
            "middle_name", "middlename", "second_prenom", "autres_prenoms",
        ],
        &[],
        Ty::Stringy,
        0.95,
        "first name",
    ),
    r(
        C::FullName,
        &[
            "nom_complet", "nom_prenom", "prenom_nom", "nom_et_prenom", "nom_prenoms", "full_name",
            "fullname", "display_name", "displayname", "nom_affiche", "contact_name", "legal_name",
            "titulaire_compte", "account_holder", "cardholder", "card_holder", "cardholder_name",
            "nom_titulaire", "titulaire", "personne_a_prevenir", "personne_prevenir",
            "personne_a_contacter", "contact_urgence", "emergency_contact",
            "emergency_contact_name", "author", "auteur", "commenter", "commentateur",
        ],
        // The phone, address or page of that person is that other data.
        &[
            "tel", "telephone", "phone", "portable", "mobile", "email", "mail", "adresse",
            "address", "lien", "relation", "relationship", "url", "uri", "link", "ip",
            "website", "site", "agent",
        ],
        Ty::Stringy,
        0.85,
        "full name",
    ),
    r(
        C::LastName,
        &[
            "last_name", "lastname", "surname", "family_name", "familyname", "lname",
            "nom_famille", "nom_de_famille", "nom_naissance", "nom_de_naissance", "nom_usage",
            "nom_d_usage", "nom_jeune_fille", "nom_marital", "maiden_name", "birth_name",
            "maidenname", "birthname",
            "patronyme",
        ],
        &[],
        Ty::Stringy,
        0.95,
        "last name",
    ),
    // Last: a company word inside a longer name (`entreprise_adresse`) is that other data.
    r(
        C::Organisation,
        &[
            "raison_sociale", "nom_entreprise", "nom_societe", "nom_organisme", "entreprise",
            "societe", "employeur", "employer", "company", "company_name", "organisation",
            "organization", "organisme", "siret", "siren", "numero_siret", "numero_siren",
            "organization_name", "organisation_name", "org_name", "business_name",
            "nom_organisation", "trading_name", "institution",
            // Intra-community VAT numbers are a company's.
            "tva_intra", "tva_intracom", "tva_intracommunautaire", "numero_tva", "num_tva",
            "no_tva", "n_tva", "vat_number", "vat_no", "vat_num", "vat_id", "vatin",
            "vat_registration_number",
        ],
        &[
            "adresse", "address", "email", "mail", "tel", "telephone", "phone", "type", "taille",
            "size", "secteur", "sector", "ville", "city", "contact",
        ],
        Ty::Value,
        0.8,
        "organisation",
    ),
];

/// Row bookkeeping (keys, timestamps, versions) that says nothing about a person; `name` is
/// lower case. Shared by the classifier and by `undeclared-column`.
pub fn is_bookkeeping(name: &str) -> bool {
    matches!(
        name,
        "id" | "uuid"
            | "created_at"
            | "updated_at"
            | "inserted_at"
            | "modified_at"
            | "deleted_at"
            | "created_on"
            | "updated_on"
            | "date_creation"
            | "date_modification"
            | "cree_le"
            | "modifie_le"
            | "version"
            | "lock_version"
    )
}

/// Classifies a column by its name, its table's name and its type.
pub fn classify_name(table: &str, column: &str, data_type: &str) -> Option<NameClass> {
    let class = classify_tokens(table, column, data_type)?;
    // The `civilite` of a company is its legal form (SARL, SAS), not a gender.
    if class.category == C::Gender && table_is_organisation(table) {
        return None;
    }
    Some(class)
}

fn classify_tokens(table: &str, column: &str, data_type: &str) -> Option<NameClass> {
    let tokens = tokenize(column);
    if tokens.is_empty() {
        return None;
    }
    let ty = TypeKind::of(data_type);
    let table_kind = table_kind(table);
    let joined = tokens.join("_");

    // Whole names that are never personal data.
    if is_bookkeeping(&joined)
        || matches!(
            joined.as_str(),
            "status" | "statut" | "position" | "ordre" | "rang"
        )
    {
        return None;
    }

    // `traitement` is processing unless medical: decided before the health words.
    if let Some(c) = classify_treatment(&tokens, &joined, ty, table_kind) {
        return c;
    }
    // Article 9/10 words first: `suivi_medical`, `commentaire_sante` are health data.
    if let Some(c) = apply_rules(&tokens, ty, table_kind, |r, _| r.cat.is_sensitive()) {
        return c;
    }
    // Then phrases (`avis_imposition`, `adresse_email`, `date_naissance`), before the single
    // words whose meaning depends on context.
    if let Some(c) = apply_rules(&tokens, ty, table_kind, |r, p| {
        !r.cat.is_sensitive() && p.contains('_')
    }) {
        return c;
    }
    if let Some(c) = classify_ambiguous(&tokens, &joined, ty, table_kind, table) {
        return c;
    }
    apply_rules(&tokens, ty, table_kind, |r, _| !r.cat.is_sensitive()).flatten()
}

/// Runs the rules (and patterns) accepted by `keep`, in order. `Some(None)`: decided, not
/// personal data (a technical column such as `email_id`); `None`: no rule matched.
fn apply_rules(
    tokens: &[String],
    ty: TypeKind,
    table: TableKind,
    keep: impl Fn(&Rule, &str) -> bool,
) -> Option<Option<NameClass>> {
    let has = |t: &str| tokens.iter().any(|x| x == t);
    for rule in RULES {
        if rule.veto.iter().any(|v| contains_seq(tokens, v)) {
            continue;
        }
        let Some(pat) = rule
            .pats
            .iter()
            .find(|p| keep(rule, p) && contains_seq(tokens, p))
        else {
            continue;
        };
        // A key to a closed list is that attribute, as for the sensitive categories:
        // `gender_id`, `id_gender`, `fk_nationalite` point at a gender, a nationality.
        let key_is_value = matches!(rule.cat, C::Gender | C::Nationality);
        if !rule.cat.is_sensitive()
            && rule.cat != C::Consent
            && TECHNICAL.iter().any(|t| {
                has(t)
                    && !pat.split('_').any(|p| p == *t)
                    && !(key_is_value && matches!(*t, "id" | "fk"))
            })
            && (tokens
                .last()
                .is_some_and(|l| TECHNICAL.contains(&l.as_str()))
                || tokens
                    .first()
                    .is_some_and(|f| TECHNICAL.contains(&f.as_str())))
        {
            // `email_id`, `type_adresse`, `telephone_verifie`: about the data, not the data.
            return Some(None);
        }
        // A key is an integer whatever the attribute's own type.
        let req = if key_is_value && (has("id") || has("fk")) {
            Ty::Any
        } else {
            rule.ty
        };
        let Some(mut conf) = type_confidence(req, ty, rule.conf) else {
            continue;
        };
        // A matched phrase that is only part of a longer name is a little less certain.
        if pat.split('_').count() != tokens.len() {
            conf -= 0.05;
        }
        // The address or phone of a school or a company is not about a person.
        if table == TableKind::Thing
            && matches!(
                rule.cat,
                C::Address
                    | C::Postcode
                    | C::Phone
                    | C::Email
                    | C::Gender
                    | C::BirthDate
                    | C::Geolocation
            )
        {
            conf -= 0.25;
        }
        return Some(Some(NameClass {
            category: rule.cat,
            confidence: round2(conf),
            reason: format!("name matches `{pat}` ({})", rule.label),
        }));
    }
    None
}

/// `traitement` / `treatment`: processing (`traitement_id`, `date_traitement`) unless medical.
fn classify_treatment(
    tokens: &[String],
    joined: &str,
    ty: TypeKind,
    table: TableKind,
) -> Option<Option<NameClass>> {
    let has = |t: &str| tokens.iter().any(|x| x == t);
    if !(has("traitement") || has("traitements") || has("treatment") || has("treatments")) {
        return None;
    }
    let medical = [
        "medical",
        "medicale",
        "medicamenteux",
        "medicaments",
        "medicament",
        "en_cours",
        "sante",
        "health",
        "therapeutique",
        "medication",
        "medicaux",
    ]
    .iter()
    .any(|w| contains_seq(tokens, w));
    let stringy = matches!(ty, TypeKind::Text(_) | TypeKind::Unknown);
    let class = |conf: f32, label: &str| {
        Some(Some(NameClass {
            category: C::Health,
            confidence: conf,
            reason: format!("name matches `{joined}` ({label})"),
        }))
    };
    if medical {
        return class(0.9, "medical treatment");
    }
    if tokens.len() == 1 && table == TableKind::Person && stringy {
        return class(0.5, "treatment (ambiguous: also means processing)");
    }
    Some(None)
}

fn round2(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Confidence for a rule's type requirement, or `None` when the type rules it out.
fn type_confidence(req: Ty, ty: TypeKind, conf: f32) -> Option<f32> {
    use TypeKind as T;
    match req {
        Ty::Any => Some(conf),
        Ty::Value => match ty {
            T::Bool | T::Date | T::DateTime | T::Json => None,
            T::Text(_) | T::Integer | T::Decimal | T::Binary | T::Unknown => Some(conf),
            T::Enum | T::Uuid => Some(conf - 0.2),
        },
        Ty::Stringy => match ty {
            T::Text(_) | T::Unknown | T::Binary => Some(conf),
            T::Enum | T::Json => Some(conf - 0.2),
            _ => None,
        },
        Ty::FreeText => match ty {
            T::Text(None) => Some(conf),
            T::Text(Some(n)) if n >= 50 => Some(conf),
            T::Text(Some(n)) if n >= 20 => Some(conf - 0.2),
            T::Unknown | T::Json => Some(conf - 0.3),
            _ => None,
        },
        Ty::Secret => match ty {
            T::Text(_) | T::Binary | T::Unknown => Some(conf),
            _ => None,
        },
        Ty::DateLike => match ty {
            T::Date | T::DateTime => Some(conf),
            T::Text(_) | T::Integer | T::Decimal | T::Unknown => Some(conf - 0.25),
            _ => None,
        },
    }
}

/// Words whose meaning depends on their neighbours, the table or the type. `Some(None)`: decided,
/// not personal data; `None`: not decided here, go on with the rules.
fn classify_ambiguous(
    tokens: &[String],
    joined: &str,
    ty: TypeKind,
    table: TableKind,
    table_name: &str,
) -> Option<Option<NameClass>> {
    // In a CRM, the origin of a prospect or a contact is where the lead came from.
    let table_is_lead = tokenize(table_name).iter().any(|t| {
        matches!(
            singular(t).as_str(),
            "prospect" | "lead" | "contact" | "demande" | "request" | "inscription" | "candidature"
        )
    });
    let has = |t: &str| tokens.iter().any(|x| x == t);
    let has_any = |list: &[&str]| tokens.iter().any(|x| list.contains(&x.as_str()));
    let class = |cat, conf: f32, pat: &str, label: &str| {
        Some(Some(NameClass {
            category: cat,
            confidence: round2(conf),
            reason: format!("name matches `{pat}` ({label})"),
        }))
    };

    // Free text: comments, remarks, notes (a note can be a grade), descriptions.
    const COMMENT_WORDS: &[&str] = &[
        "commentaire",
        "commentaires",
        "comment",
        "comments",
        "remarque",
        "remarques",
        "remark",
        "remarks",
        "observation",
        "observations",
        "bio",
        "biography",
        "biographie",
        "memo",
        "memos",
        "bloc_note",
        "appreciation",
        "appreciations",
        "avis",
        "motif",
        "motifs",
        "feedback",
        "compte_rendu",
        "notes_internes",
        "internal_notes",
        "annotation",
        "annotations",
        "informations_complementaires",
        "infos_complementaires",
        "precisions",
        "message",
        "messages",
        "suivi",
        "historique_echanges",
        "justification",
        "reason",
        "details",
        "detail",
        "texte_libre",
        "free_text",
        "freetext",
        "remarques_conseil",
        "appreciation_generale",
        "synthese",
        "resume",
        "about",
        "a_propos",
        "presentation",
        "lettre_motivation",
        "cover_letter",
        "motivation",
    ];
    const GRADE_WORDS: &[&str] = &[
        "finale",
        "final",
        "examen",
        "exam",
        "sur",
        "moyenne",
        "ecrit",
        "oral",
        "partiel",
        "controle",
        "coefficient",
        "coef",
        "bareme",
        "max",
        "min",
        "globale",
        "semestre",
        "trimestre",
        "bac",
        "cc",
        "ds",
        "devoir",
        "test",
        "score",
        "grade",
        "evaluation",
        "jury",
        "stage",
        "projet",
        "memoire",
        "these",
    ];
    // What the table holds, singular: `wp_comments` holds comments, and its columns repeat it as
    // a prefix (`comment_author_IP`, `comment_content`).
    let table_words: Vec<String> = tokenize(table_name).iter().map(|t| singular(t)).collect();
    let table_is_comments = table_words
        .last()
        .is_some_and(|t| COMMENT_WORDS.contains(&t.as_str()) || t == "note");
    // Prefix removed: the column's own words.
    let own: &[String] = match tokens.split_first() {
        Some((first, rest)) if !rest.is_empty() && table_words.contains(&singular(first)) => rest,
        _ => tokens,
    };
    // The text of a comment or a message: `comments.body`, `comment_content`, `messages.texte`.
    if table_is_comments
        && own.len() == 1
        && matches!(
            own[0].as_str(),
            "content" | "contenu" | "body" | "corps" | "text" | "texte" | "message" | "html"
        )
    {
        return match type_confidence(Ty::FreeText, ty, 0.85) {
            Some(conf) => class(
                C::FreeText,
                conf,
                joined,
                "free text (the text of a comment)",
            ),
            None => Some(None),
        };
    }
    // Only the prefix names a comment (`comment_author_IP`, `comment_approved`): the other words
    // decide.
    let prefix_only = own.len() < tokens.len()
        && !own
            .iter()
            .any(|t| COMMENT_WORDS.contains(&t.as_str()) || t == "note" || t == "notes");
    let prefix_only = prefix_only && table_is_comments;
    let note_word = has("note") || has("notes") || has("bloc") && has("note");
    if note_word && !prefix_only {
        if ty.is_numeric()
            || has_any(GRADE_WORDS)
            || tokens.iter().any(|t| t.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(None);
        }
        if has_any(TECHNICAL) && !has("notes") {
            return Some(None);
        }
        return match type_confidence(Ty::FreeText, ty, 0.85) {
            Some(conf) => class(C::FreeText, conf, joined, "free text"),
            None => Some(None),
        };
    }
    let comment = tokens
        .iter()
        .find(|t| !prefix_only && COMMENT_WORDS.contains(&t.as_str()))
        .cloned()
        .or_else(|| {
            COMMENT_WORDS
                .iter()
                .find(|w| w.contains('_') && contains_seq(tokens, w))
                .map(|w| w.to_string())
        });
    if let Some(word) = comment {
        let first_or_last =
            tokens.first() == Some(&word) || tokens.last() == Some(&word) || word.contains('_');
        let technical = tokens
            .last()
            .is_some_and(|l| TECHNICAL.contains(&l.as_str()) || l == "at" || l == "le")
            || tokens
                .first()
                .is_some_and(|f| TECHNICAL.contains(&f.as_str()));
        let weak = matches!(
            word.as_str(),
            "message"
                | "messages"
                | "suivi"
                | "raison"
                | "reason"
                | "details"
                | "detail"
                | "resume"
                | "about"
                | "presentation"
                | "motivation"
                | "avis"
                | "motif"
                | "motifs"
                | "justification"
                | "synthese"
        );
        if first_or_last && !technical && !has("email") && !has("mail") {
            let base = if weak { 0.7 } else { 0.9 };
            if let Some(conf) = type_confidence(Ty::FreeText, ty, base) {
                return class(C::FreeText, conf, &word, "free text");
            }
        }
        return Some(None);
    }
    if has("description") || has("descriptions") || has("desc") && tokens.len() == 1 {
        // A description is free text about a person only on a person table; elsewhere it
        // describes a product, a course, a campaign.
        if table != TableKind::Person {
            return Some(None);
        }
        let base = 0.75;
        return match type_confidence(Ty::FreeText, ty, base) {
            Some(conf) => class(C::FreeText, conf, joined, "free text (description)"),
            None => Some(None),
        };
    }

    // `nom` / `name` / `libelle`: a person's name or a thing's.
    let name_word = tokens
        .iter()
        .find(|t| matches!(t.as_str(), "nom" | "noms" | "name" | "names"))
        .cloned();
    if let Some(word) = name_word {
        // Phrases handled by the rules (`nom_prenom`, `first_name`, `nom_famille`…).
        let phrase_rule = RULES.iter().any(|r| {
            matches!(r.cat, C::FirstName | C::LastName | C::FullName)
                && r.pats
                    .iter()
                    .any(|p| p.contains('_') && contains_seq(tokens, p))
        });
        if phrase_rule {
            return None;
        }
        if !matches!(ty, TypeKind::Text(_) | TypeKind::Unknown | TypeKind::Binary) {
            return Some(None);
        }
        if has_any(THING_WORDS) || has("user") && has("name") || has("username") {
            return Some(None);
        }
        if tokens.len() == 1 && table_is_organisation(table_name) {
            return class(C::Organisation, 0.75, &word, "name of an organisation");
        }
        // `name_alias`, `nom_commercial` of a company: another of its names.
        if table_is_organisation(table_name) && !has_any(PERSON_WORDS) {
            return class(C::Organisation, 0.65, joined, "name of an organisation");
        }
        let french = word.starts_with("nom");
        let cat = if french { C::LastName } else { C::FullName };
        let label = if french { "last name" } else { "full name" };
        if has_any(PERSON_WORDS) {
            return class(cat, 0.9, joined, label);
        }
        if tokens.len() > 1 {
            // `nom_court`, `name_en`: not enough to say.
            return match table {
                TableKind::Person => class(cat, 0.6, joined, label),
                _ => Some(None),
            };
        }
        return match table {
            TableKind::Person => class(cat, if french { 0.9 } else { 0.8 }, &word, label),
            TableKind::Thing => Some(None),
            TableKind::Unknown if french => class(cat, 0.5, &word, label),
            TableKind::Unknown => Some(None),
        };
    }

    // `origine`: ethnic origin, or a lead source in a CRM (`prospects.origine`).
    if has("origine") || has("origin") || has("origines") {
        if has_any(&["ethnique", "ethnic", "raciale", "racial", "geographique"]) {
            return None;
        }
        if has_any(&["pays", "country", "nationale"]) {
            return None;
        }
        let lead = has_any(&[
            "prospect",
            "contact",
            "lead",
            "demande",
            "source",
            "campagne",
            "campaign",
            "canal",
            "inscription",
            "candidature",
            "commande",
            "donnees",
            "data",
            "fichier",
            "import",
            "trafic",
            "traffic",
            "utm",
            "acquisition",
            "request",
            "don",
            "paiement",
            "url",
        ]);
        if lead || tokens.len() > 1 || table_is_lead {
            return Some(None);
        }
        return match table {
            TableKind::Person => class(
                C::Ethnic,
                0.4,
                joined,
                "origin (ambiguous: may be a lead source)",
            ),
            _ => Some(None),
        };
    }

    // `casier`: a criminal record, or a school locker.
    if has("casier") {
        if has("judiciaire") || has("judiciaires") {
            return None;
        }
        return Some(None);
    }

    // `orientation` alone is academic guidance in a school; `sexe`-like words are handled by
    // the rules.
    if has("orientation") && !has("sexuelle") && !has("sexual") && !has("politique") {
        return Some(None);
    }

    None
}

/// Whether `tokens` contains the `_`-separated sequence `pat` contiguously.
fn contains_seq(tokens: &[String], pat: &str) -> bool {
    let pat: Vec<&str> = pat.split('_').collect();
    if pat.len() > tokens.len() {
        return false;
    }
    tokens
        .windows(pat.len())
        .any(|w| w.iter().zip(&pat).all(|(a, b)| a == b))
}

/// Tables whose rows are companies or bodies: their `nom` is an organisation's name.
fn table_is_organisation(table: &str) -> bool {
    tokenize(table).iter().any(|t| {
        matches!(
            singular(t).as_str(),
            "entreprise"
                | "societe"
                | "company"
                | "organisation"
                | "organization"
                | "organisme"
                | "employeur"
                | "employer"
                | "partenaire"
                | "partner"
                | "fournisseur"
                | "supplier"
        )
    })
}

/// Whether a column refers to a person by its words: `user_id`, `id_customer`, `member_id`
/// (the words of the person tables).
pub fn refers_to_person(column: &str) -> bool {
    let tokens = tokenize(column);
    tokens.len() > 1
        && tokens.iter().any(|t| matches!(t.as_str(), "id" | "fk"))
        && tokens
            .iter()
            .any(|t| PERSON_TABLES.contains(&singular(t).as_str()))
}

fn table_kind(table: &str) -> TableKind {
    let tokens = tokenize(table);
    let singular: Vec<String> = tokens.iter().map(|t| singular(t)).collect();
    // The last word usually names what the table holds (`formation_etudiants` → etudiants).
    for t in singular.iter().rev() {
        if PERSON_TABLES.contains(&t.as_str()) {
            return TableKind::Person;
        }
        if THING_TABLES.contains(&t.as_str()) {
            return TableKind::Thing;
        }
    }
    TableKind::Unknown
}

/// French/English plural → singular, for table names (`etudiants`, `eleves`, `alumni`,
/// `personnes`, `companies`).
fn singular(t: &str) -> String {
    if let Some(stem) = t.strip_suffix("ies")
        && stem.len() > 2
    {
        return format!("{stem}y");
    }
    if let Some(stem) = t.strip_suffix("aux")
        && stem.len() > 2
    {
        return format!("{stem}al");
    }
    if t.len() > 3 && (t.ends_with('s') || t.ends_with('x')) && !t.ends_with("ss") {
        return t[..t.len() - 1].to_string();
    }
    t.to_string()
}

/// Splits an identifier into lower-case, accent-folded tokens: on `_`, `-`, `.`, spaces,
/// camelCase boundaries (`dtNaiss`, `HTTPRequest`) and letter/digit boundaries (`adresse1`,
/// `cvv2`).
pub fn tokenize(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut tokens = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(&prev) = i.checked_sub(1).and_then(|p| chars.get(p)) {
            let next = chars.get(i + 1).copied();
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_uppercase()
                    && c.is_uppercase()
                    && next.is_some_and(|n| n.is_lowercase()))
                || (prev.is_alphabetic() && c.is_ascii_digit())
                || (prev.is_ascii_digit() && c.is_alphabetic());
            if boundary && !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
        }
        for l in c.to_lowercase() {
            fold_into(l, &mut cur);
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    tokens
}

/// Pushes `c` without its accent (French and common Latin letters).
fn fold_into(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer() {
        assert_eq!(tokenize("dtNaiss"), vec!["dt", "naiss"]);
        assert_eq!(
            tokenize("Date_De_Naissance"),
            vec!["date", "de", "naissance"]
        );
        assert_eq!(tokenize("adresseLigne1"), vec!["adresse", "ligne", "1"]);
        assert_eq!(tokenize("CVV2"), vec!["cvv", "2"]);
        assert_eq!(tokenize("HTTPRequest"), vec!["http", "request"]);
        assert_eq!(tokenize("prénom"), vec!["prenom"]);
        assert_eq!(tokenize("santé-élève"), vec!["sante", "eleve"]);
    }

    #[test]
    fn category_ids_round_trip() {
        for c in ColumnCategory::ALL {
            assert_eq!(ColumnCategory::parse(c.as_str()), Some(c));
        }
        assert_eq!(
            ColumnCategory::parse("card_security_code"),
            Some(ColumnCategory::CardSecurityCode)
        );
    }
}
