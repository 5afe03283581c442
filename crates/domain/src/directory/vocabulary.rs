//! The facet vocabularies: what an admin can filter the directory by.
//!
//! Labels are what the page shows; slugs are what the URL carries. Slugs are
//! part of every shared link, so they never change once published: rename a
//! label freely, never a slug. Tables are plain static slices so the wasm
//! build carries them as data, not code. Each `*_SLUGS` table is parallel to
//! its label table (same length, same order); a test checks it.

/// Countries/regions, in the order the filter lists them.
pub static COUNTRIES: &[&str] = &[
    "United States",
    "Canada",
    "Mexico",
    "Brazil",
    "United Kingdom",
    "Ireland",
    "France",
    "Germany",
    "Netherlands",
    "Spain",
    "Italy",
    "Sweden",
    "Poland",
    "Switzerland",
    "South Africa",
    "United Arab Emirates",
    "India",
    "Japan",
    "Australia",
    "New Zealand",
];

/// ISO 3166-1 alpha-2 codes, lower-case: short, stable and recognizable.
pub static COUNTRY_SLUGS: &[&str] = &[
    "us", "ca", "mx", "br", "gb", "ie", "fr", "de", "nl", "es", "it", "se", "pl", "ch", "za", "ae",
    "in", "jp", "au", "nz",
];

/// International calling codes, for the generated (fictional) phone numbers.
pub(crate) static COUNTRY_CALLING_CODES: &[u16] = &[
    1, 1, 52, 55, 44, 353, 33, 49, 31, 34, 39, 46, 48, 41, 27, 971, 91, 81, 61, 64,
];

/// Cities, grouped by country in `COUNTRIES` order. Accented names are kept
/// as written locally so keyword search must fold accents ("dusseldorf").
pub static CITIES: &[&str] = &[
    "Seattle",
    "New York",
    "Chicago",
    "Austin",
    "Atlanta",
    "San Francisco",
    "Toronto",
    "Vancouver",
    "Montréal",
    "Calgary",
    "Mexico City",
    "Guadalajara",
    "Monterrey",
    "São Paulo",
    "Rio de Janeiro",
    "Belo Horizonte",
    "Curitiba",
    "London",
    "Manchester",
    "Edinburgh",
    "Birmingham",
    "Bristol",
    "Dublin",
    "Cork",
    "Galway",
    "Paris",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Nantes",
    "Berlin",
    "Munich",
    "Hamburg",
    "Frankfurt",
    "Düsseldorf",
    "Amsterdam",
    "Rotterdam",
    "Utrecht",
    "Eindhoven",
    "Madrid",
    "Barcelona",
    "Valencia",
    "Málaga",
    "Milan",
    "Rome",
    "Turin",
    "Bologna",
    "Stockholm",
    "Gothenburg",
    "Malmö",
    "Warsaw",
    "Kraków",
    "Wrocław",
    "Gdańsk",
    "Zürich",
    "Geneva",
    "Basel",
    "Johannesburg",
    "Cape Town",
    "Durban",
    "Dubai",
    "Abu Dhabi",
    "Sharjah",
    "Bengaluru",
    "Mumbai",
    "Hyderabad",
    "New Delhi",
    "Pune",
    "Chennai",
    "Tokyo",
    "Osaka",
    "Nagoya",
    "Fukuoka",
    "Sydney",
    "Melbourne",
    "Brisbane",
    "Perth",
    "Auckland",
    "Wellington",
    "Christchurch",
];

/// City slugs: the label, accents folded, lower-case, words joined by '-'.
pub static CITY_SLUGS: &[&str] = &[
    "seattle",
    "new-york",
    "chicago",
    "austin",
    "atlanta",
    "san-francisco",
    "toronto",
    "vancouver",
    "montreal",
    "calgary",
    "mexico-city",
    "guadalajara",
    "monterrey",
    "sao-paulo",
    "rio-de-janeiro",
    "belo-horizonte",
    "curitiba",
    "london",
    "manchester",
    "edinburgh",
    "birmingham",
    "bristol",
    "dublin",
    "cork",
    "galway",
    "paris",
    "lyon",
    "marseille",
    "toulouse",
    "nantes",
    "berlin",
    "munich",
    "hamburg",
    "frankfurt",
    "dusseldorf",
    "amsterdam",
    "rotterdam",
    "utrecht",
    "eindhoven",
    "madrid",
    "barcelona",
    "valencia",
    "malaga",
    "milan",
    "rome",
    "turin",
    "bologna",
    "stockholm",
    "gothenburg",
    "malmo",
    "warsaw",
    "krakow",
    "wroclaw",
    "gdansk",
    "zurich",
    "geneva",
    "basel",
    "johannesburg",
    "cape-town",
    "durban",
    "dubai",
    "abu-dhabi",
    "sharjah",
    "bengaluru",
    "mumbai",
    "hyderabad",
    "new-delhi",
    "pune",
    "chennai",
    "tokyo",
    "osaka",
    "nagoya",
    "fukuoka",
    "sydney",
    "melbourne",
    "brisbane",
    "perth",
    "auckland",
    "wellington",
    "christchurch",
];

/// For each city, the index of its country in `COUNTRIES`.
pub static CITY_COUNTRY: &[u8] = &[
    0, 0, 0, 0, 0, 0, // United States
    1, 1, 1, 1, // Canada
    2, 2, 2, // Mexico
    3, 3, 3, 3, // Brazil
    4, 4, 4, 4, 4, // United Kingdom
    5, 5, 5, // Ireland
    6, 6, 6, 6, 6, // France
    7, 7, 7, 7, 7, // Germany
    8, 8, 8, 8, // Netherlands
    9, 9, 9, 9, // Spain
    10, 10, 10, 10, // Italy
    11, 11, 11, // Sweden
    12, 12, 12, 12, // Poland
    13, 13, 13, // Switzerland
    14, 14, 14, // South Africa
    15, 15, 15, // United Arab Emirates
    16, 16, 16, 16, 16, 16, // India
    17, 17, 17, 17, // Japan
    18, 18, 18, 18, // Australia
    19, 19, 19, // New Zealand
];

/// Organization sizes a partner serves, by number of employees.
pub static SIZES: &[&str] = &[
    "1-9 employees",
    "10-49 employees",
    "50-249 employees",
    "250-999 employees",
    "1,000+ employees",
];

/// "1000-plus" rather than "1000+": a '+' in a query string decodes to a
/// space, so it would not survive a hand-edited or re-encoded URL.
pub static SIZE_SLUGS: &[&str] = &["1-9", "10-49", "50-249", "250-999", "1000-plus"];

pub static INDUSTRIES: &[&str] = &[
    "Automotive",
    "Education",
    "Energy & utilities",
    "Financial services",
    "Government",
    "Healthcare",
    "Hospitality & travel",
    "Manufacturing",
    "Media & communications",
    "Nonprofit",
    "Professional services",
    "Retail & consumer goods",
];

pub static INDUSTRY_SLUGS: &[&str] = &[
    "automotive",
    "education",
    "energy",
    "financial-services",
    "government",
    "healthcare",
    "hospitality",
    "manufacturing",
    "media",
    "nonprofit",
    "professional-services",
    "retail",
];

pub static PRODUCTS: &[&str] = &[
    "Microsoft 365",
    "Dynamics 365",
    "Azure",
    "Teams",
    "Intune",
    "Power BI",
    "Power Apps",
    "Power Automate",
    "SharePoint",
    "Exchange Online",
    "Microsoft Defender",
    "Microsoft Entra ID",
    "Microsoft Sentinel",
    "Windows 365",
    "Copilot",
];

pub static PRODUCT_SLUGS: &[&str] = &[
    "microsoft-365",
    "dynamics-365",
    "azure",
    "teams",
    "intune",
    "power-bi",
    "power-apps",
    "power-automate",
    "sharepoint",
    "exchange-online",
    "defender",
    "entra-id",
    "sentinel",
    "windows-365",
    "copilot",
];

pub static SERVICES: &[&str] = &[
    "Migration",
    "Licensing",
    "Managed services",
    "Security assessment",
    "Training",
    "Deployment",
    "Custom development",
    "Consulting",
    "Support",
    "Adoption & change management",
];

pub static SERVICE_SLUGS: &[&str] = &[
    "migration",
    "licensing",
    "managed-services",
    "security-assessment",
    "training",
    "deployment",
    "custom-development",
    "consulting",
    "support",
    "adoption",
];

/// Partner types as the directory lists them (a subset of the relationship
/// types of capability 5: the ones a partner advertises).
pub static PARTNER_TYPES: &[&str] = &[
    "Reseller",
    "Indirect reseller",
    "Advisor",
    "Independent Software Vendor (ISV)",
    "Partner with GDAP access",
    "Line-of-business (LOB) partner",
    "OEM",
    "Purchasing-agreement (MPSA) partner",
];

pub static PARTNER_TYPE_SLUGS: &[&str] = &[
    "reseller",
    "indirect-reseller",
    "advisor",
    "isv",
    "gdap",
    "lob",
    "oem",
    "mpsa",
];

pub static DESIGNATIONS: &[&str] = &[
    "Solutions Partner for Modern Work",
    "Solutions Partner for Security",
    "Solutions Partner for Infrastructure (Azure)",
    "Solutions Partner for Data & AI (Azure)",
    "Solutions Partner for Digital & App Innovation (Azure)",
    "Solutions Partner for Business Applications",
];

pub static DESIGNATION_SLUGS: &[&str] = &[
    "modern-work",
    "security",
    "infrastructure",
    "data-ai",
    "digital-app-innovation",
    "business-applications",
];
