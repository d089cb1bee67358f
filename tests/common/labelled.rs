//! A labelled fixture schema for discovery: 13 tables, French and English, every column with its
//! true category (or none), values generated deterministically, hard negatives included: grades
//! named `note`, a `code_postal` that is not a phone, a street `numero`, 15-digit numbers that
//! fail the NIR key, 16-digit numbers that fail Luhn, company and product names.
//!
//! The same SQL loads into SQLite and PostgreSQL.
#![allow(dead_code)]

/// Rows per table.
pub const ROWS: usize = 40;

/// How a column's values are made, from the row number.
#[derive(Clone, Copy)]
pub enum Gen {
    Id,
    LastName,
    FirstName,
    FullName,
    Email,
    Phone,
    Nir,
    NirBadKey,
    Iban,
    Card,
    CardBadLuhn,
    Cvv,
    Date,
    Street,
    StreetNumber,
    Postcode,
    City,
    Gender,
    Country,
    Ip,
    Bcrypt,
    Health,
    Religion,
    Menu,
    Union,
    Offence,
    Political,
    Comment,
    Bool,
    Grade,
    Amount,
    Code,
    Company,
    Product,
    Login,
    Latitude,
    Passport,
    Status,
    Siret,
    Salary,
    Sexual,
    Ethnic,
    /// NULL in every row.
    Null,
}

/// (table, column, SQL type, generator, true category or "").
pub type Col = (&'static str, &'static str, &'static str, Gen, &'static str);

use Gen::*;

#[rustfmt::skip]
pub const COLUMNS: &[Col] = &[
    ("etudiants", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("etudiants", "nom", "VARCHAR(100)", LastName, "last-name"),
    ("etudiants", "prenom", "VARCHAR(100)", FirstName, "first-name"),
    ("etudiants", "email", "VARCHAR(255)", Email, "email"),
    ("etudiants", "tel", "VARCHAR(20)", Phone, "phone"),
    ("etudiants", "dt_naiss", "DATE", Date, "birth-date"),
    ("etudiants", "num_secu", "VARCHAR(15)", Nir, "nir"),
    ("etudiants", "sexe", "CHAR(1)", Gender, "gender"),
    ("etudiants", "nationalite", "VARCHAR(50)", Country, "nationality"),
    ("etudiants", "sante", "TEXT", Health, "health"),
    ("etudiants", "amenagement_examen", "TEXT", Health, "health"),
    ("etudiants", "regime_alimentaire", "VARCHAR(50)", Menu, "health"),
    ("etudiants", "promo", "INTEGER", Grade, ""),
    ("etudiants", "statut", "VARCHAR(20)", Status, ""),
    ("etudiants", "observations", "TEXT", Comment, "free-text"),
    ("etudiants", "droit_image", "BOOLEAN", Bool, "consent"),

    ("adresses", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("adresses", "etudiant_id", "INTEGER", Id, ""),
    ("adresses", "numero", "VARCHAR(10)", StreetNumber, ""),
    ("adresses", "rue", "VARCHAR(255)", Street, "address"),
    ("adresses", "code_postal", "VARCHAR(5)", Postcode, "postcode"),
    ("adresses", "ville", "VARCHAR(100)", City, "address"),

    ("examens", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("examens", "etudiant_id", "INTEGER", Id, ""),
    ("examens", "note", "NUMERIC(4,2)", Grade, ""),
    ("examens", "note_finale", "NUMERIC(4,2)", Grade, ""),
    ("examens", "coefficient", "INTEGER", Grade, ""),

    ("commandes", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("commandes", "numero_commande", "VARCHAR(15)", NirBadKey, ""),
    ("commandes", "reference", "VARCHAR(16)", CardBadLuhn, ""),
    ("commandes", "montant", "NUMERIC(10,2)", Amount, ""),
    ("commandes", "produit", "VARCHAR(100)", Product, ""),

    ("paiements", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("paiements", "numero_carte", "VARCHAR(19)", Card, "card"),
    ("paiements", "cvv", "VARCHAR(4)", Cvv, "card-security-code"),
    ("paiements", "iban", "VARCHAR(34)", Iban, "iban"),
    ("paiements", "nom_titulaire", "VARCHAR(200)", FullName, "full-name"),
    ("paiements", "montant", "NUMERIC(10,2)", Amount, ""),

    ("customers", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("customers", "first_name", "VARCHAR(100)", FirstName, "first-name"),
    ("customers", "last_name", "VARCHAR(100)", LastName, "last-name"),
    ("customers", "phone_number", "VARCHAR(32)", Phone, "phone"),
    ("customers", "street_address", "VARCHAR(255)", Street, "address"),
    ("customers", "zip", "VARCHAR(10)", Postcode, "postcode"),
    ("customers", "date_of_birth", "DATE", Date, "birth-date"),
    ("customers", "religion", "VARCHAR(50)", Religion, "religion"),
    ("customers", "sexual_orientation", "VARCHAR(50)", Sexual, "sexual"),
    ("customers", "ethnicity", "VARCHAR(50)", Ethnic, "ethnic"),
    ("customers", "notes", "TEXT", Comment, "free-text"),
    ("customers", "marketing_consent", "BOOLEAN", Bool, "consent"),
    ("customers", "company", "VARCHAR(200)", Company, "organisation"),

    ("employes", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("employes", "nom_complet", "VARCHAR(200)", FullName, "full-name"),
    ("employes", "syndicat", "VARCHAR(50)", Union, "union"),
    ("employes", "casier_judiciaire", "TEXT", Offence, "offence"),
    ("employes", "opinion_politique", "VARCHAR(100)", Political, "political"),
    ("employes", "salaire", "NUMERIC(10,2)", Salary, "financial"),
    ("employes", "numero_passeport", "VARCHAR(20)", Passport, "id-document"),

    ("comptes", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("comptes", "login", "VARCHAR(50)", Login, "username"),
    ("comptes", "mdp", "VARCHAR(255)", Bcrypt, "password"),
    ("comptes", "adresse_ip", "VARCHAR(45)", Ip, "ip"),
    ("comptes", "login_attempts", "INTEGER", Grade, ""),
    ("comptes", "last_login", "TIMESTAMP", Date, ""),

    ("livraisons", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("livraisons", "latitude", "DOUBLE PRECISION", Latitude, "geolocation"),
    ("livraisons", "longitude", "DOUBLE PRECISION", Latitude, "geolocation"),
    ("livraisons", "code", "VARCHAR(20)", Code, ""),

    ("entreprises", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("entreprises", "raison_sociale", "VARCHAR(255)", Company, "organisation"),
    ("entreprises", "siret", "VARCHAR(14)", Siret, "organisation"),
    ("entreprises", "description", "TEXT", Comment, ""),

    ("produits", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("produits", "nom", "VARCHAR(100)", Product, ""),
    ("produits", "prix", "NUMERIC(10,2)", Amount, ""),

    // Named for nothing: only the values tell.
    ("imports", "id", "INTEGER PRIMARY KEY", Id, ""),
    ("imports", "contact", "VARCHAR(255)", Email, "email"),
    ("imports", "ref_dossier", "VARCHAR(15)", Nir, "nir"),
    ("imports", "info_paiement", "VARCHAR(19)", Card, "card"),
    ("imports", "col_a", "VARCHAR(20)", Phone, "phone"),
    ("imports", "col_b", "VARCHAR(34)", Iban, "iban"),
    ("imports", "choix_menu", "VARCHAR(30)", Religion, "religion"),
    ("imports", "col_c", "VARCHAR(20)", Code, ""),
    ("imports", "col_d", "VARCHAR(20)", NirBadKey, ""),
    ("imports", "vide", "TEXT", Null, ""),
];

const LAST: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Smith", "Jones",
];
const FIRST: &[&str] = &[
    "Léa", "Hugo", "Inès", "Noah", "Jade", "Louis", "Emma", "Adam", "Chloé", "Lucas", "Olivia",
    "Jack",
];

/// A deterministic pseudo-random number for (row, salt).
fn rnd(i: usize, salt: u64) -> u64 {
    let mut x = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ salt.wrapping_mul(0xD1B5_4A32_D192_ED03);
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 29)
}

fn digits(i: usize, salt: u64, n: usize) -> String {
    (0..n)
        .map(|k| char::from(b'0' + (rnd(i * 31 + k, salt) % 10) as u8))
        .collect()
}

pub fn nir(i: usize) -> String {
    let sex = 1 + (i % 2);
    let yy = 60 + rnd(i, 1) % 40;
    let mm = 1 + rnd(i, 2) % 12;
    let dept = 21 + rnd(i, 3) % 70;
    let body = format!("{sex}{yy:02}{mm:02}{dept:02}{}", digits(i, 4, 6));
    let n: u64 = body.parse().unwrap();
    format!("{body}{:02}", 97 - n % 97)
}

pub fn nir_bad_key(i: usize) -> String {
    let good = nir(i);
    let key: u64 = good[13..].parse().unwrap();
    format!("{}{:02}", &good[..13], key % 97 + 1)
}

fn luhn_digit(body: &str) -> u32 {
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(k, b)| {
            let d = u32::from(b - b'0');
            if k % 2 == 0 {
                let dd = d * 2;
                if dd > 9 { dd - 9 } else { dd }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

pub fn card(i: usize) -> String {
    let body = format!("4{}", digits(i, 5, 14));
    format!("{body}{}", luhn_digit(&body))
}

pub fn card_bad_luhn(i: usize) -> String {
    let body = format!("4{}", digits(i, 5, 14));
    format!("{body}{}", (luhn_digit(&body) + 1 + (i as u32 % 8)) % 10)
}

pub fn iban(i: usize) -> String {
    let bban = digits(i, 6, 23);
    // Check digits: 98 − (BBAN ‖ "FR00" as digits) mod 97; F = 15, R = 27.
    let numeric = format!("{bban}152700");
    let rem = numeric
        .bytes()
        .fold(0u64, |acc, b| (acc * 10 + u64::from(b - b'0')) % 97);
    format!("FR{:02}{bban}", 98 - rem)
}

fn value(kind: Gen, i: usize) -> Option<String> {
    let last = LAST[i % LAST.len()];
    let first = FIRST[(i / 3) % FIRST.len()];
    Some(match kind {
        Id => (i + 1).to_string(),
        LastName => last.into(),
        FirstName => first.into(),
        FullName => format!("{first} {last}"),
        Email => format!(
            "{}.{}{i}@example.org",
            first.to_lowercase(),
            last.to_lowercase()
        )
        .replace(['é', 'è'], "e"),
        Phone => format!(
            "0{} {} {} {} {}",
            6 + i % 2,
            digits(i, 7, 2),
            digits(i, 8, 2),
            digits(i, 9, 2),
            digits(i, 10, 2)
        ),
        Nir => nir(i),
        NirBadKey => nir_bad_key(i),
        Iban => iban(i),
        Card => card(i),
        CardBadLuhn => card_bad_luhn(i),
        Cvv => digits(i, 11, 3),
        Date => format!("{}-{:02}-{:02}", 1970 + i % 40, 1 + i % 12, 1 + i % 28),
        Street => format!(
            "{} rue {}",
            1 + i % 90,
            ["de la Paix", "Victor Hugo", "des Lilas", "Nationale"][i % 4]
        ),
        StreetNumber => [format!("{}", 1 + i % 150), format!("{} bis", 1 + i % 20)][i % 2].clone(),
        Postcode => [
            "75001", "69003", "13008", "33000", "59000", "31000", "97411",
        ][i % 7]
            .into(),
        City => ["Paris", "Lyon", "Marseille", "Bordeaux", "Lille"][i % 5].into(),
        Gender => ["F", "M"][i % 2].into(),
        Country => ["française", "belge", "marocaine", "italienne"][i % 4].into(),
        Ip => {
            if i % 3 == 0 {
                format!("2001:db8::{:x}", i + 1)
            } else {
                format!("192.168.{}.{}", i % 7, 1 + i % 250)
            }
        }
        Bcrypt => format!(
            "$2b$12${}",
            "N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
                .chars()
                .cycle()
                .skip(i)
                .take(53)
                .collect::<String>()
        ),
        Health => [
            "asthme",
            "diabète",
            "aucun",
            "tiers-temps (dyslexie)",
            "épilepsie",
        ][i % 5]
            .into(),
        Religion => ["musulman", "catholique", "juif", "halal", "sans porc"][i % 5].into(),
        Menu => [
            "standard",
            "végétarien",
            "sans porc",
            "halal",
            "sans gluten",
        ][i % 5]
            .into(),
        Union => ["CGT", "CFDT", "aucun", "FO"][i % 4].into(),
        Offence => ["néant", "condamnation 2019", "néant"][i % 3].into(),
        Political => ["sympathisant", "militant", "aucune"][i % 3].into(),
        Sexual => ["hétérosexuel", "homosexuel", "bisexuel"][i % 3].into(),
        Ethnic => ["européen", "maghrébin", "asiatique"][i % 3].into(),
        Comment => [
            "Rappeler après les oraux pour confirmer le dossier d'inscription",
            "Very motivated, asked about the exchange programme in Canada",
            "A demandé la brochure du master, viendra à la journée portes ouvertes",
            "Pas de réponse au dernier message, relancer en septembre",
        ][i % 4]
            .into(),
        Bool => ["true", "false"][i % 2].into(),
        Grade => format!("{}", 5 + i % 15),
        Amount => format!("{}.{:02}", 10 + i * 7 % 900, i % 100),
        Code => format!("LIV-{}", digits(i, 12, 6)),
        Company => ["Acme SA", "Globex SARL", "Initech", "Umbrella SAS"][i % 4].into(),
        Product => ["Cahier A4", "Stylo bleu", "Calculatrice", "Clé USB 32 Go"][i % 4].into(),
        Login => format!(
            "{}{}",
            first.to_lowercase().replace(['é', 'è', 'ï'], "e"),
            i
        ),
        Latitude => format!("{}.{}", 43 + i % 6, digits(i, 13, 5)),
        Passport => format!("{:02}AB{}", 10 + i % 80, digits(i, 14, 5)),
        Status => ["inscrit", "diplômé", "abandon"][i % 3].into(),
        Siret => format!("7328293200{:04}", i),
        Salary => format!("{}", 2000 + i * 37 % 3000),
        Null => return None,
    })
}

fn sql_literal(v: Option<String>, ty: &str) -> String {
    match v {
        None => "NULL".into(),
        Some(v) if ty == "BOOLEAN" => v.to_uppercase(),
        Some(v)
            if ty.starts_with("INTEGER")
                || ty.starts_with("NUMERIC")
                || ty.starts_with("DOUBLE") =>
        {
            v
        }
        Some(v) => format!("'{}'", v.replace('\'', "''")),
    }
}

/// The tables in first-appearance order.
pub fn tables() -> Vec<&'static str> {
    let mut out: Vec<&str> = Vec::new();
    for c in COLUMNS {
        if !out.contains(&c.0) {
            out.push(c.0);
        }
    }
    out
}

/// The fixture as SQL that both SQLite and PostgreSQL accept.
pub fn sql() -> String {
    let mut out = String::new();
    for t in tables() {
        let cols: Vec<&Col> = COLUMNS.iter().filter(|c| c.0 == t).collect();
        let defs: Vec<String> = cols.iter().map(|c| format!("{} {}", c.1, c.2)).collect();
        out.push_str(&format!("CREATE TABLE {t} ({});\n", defs.join(", ")));
        let rows: Vec<String> = (0..ROWS)
            .map(|i| {
                let vals: Vec<String> = cols
                    .iter()
                    .map(|c| sql_literal(value(c.3, i), c.2))
                    .collect();
                format!("({})", vals.join(", "))
            })
            .collect();
        out.push_str(&format!("INSERT INTO {t} VALUES\n{};\n", rows.join(",\n")));
    }
    out
}
