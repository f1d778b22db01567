//! Generated wire-style articles for benchmarks and tests: deterministic, distinct from one
//! another, with a realistic vocabulary. Not used by the app.

/// A deterministic generator of wire-style articles of 2-4 KB. Real wire copy about visits
/// shares its set phrases ("Deputy Chairman", "avenues of cooperation") but little else: the
/// generator mixes a fixed core of such terms and names with a vocabulary of 4,000 made-up
/// words drawn with a Zipf-like skew, and function words, so that word frequencies and the
/// overlap between unrelated stories resemble a news archive rather than a handful of
/// templates.
pub struct WireGenerator {
    state: u64,
    vocab: Vec<String>,
    surnames: Vec<String>,
}

const PLACES: &[&str] = &[
    "BREST",
    "MINSK",
    "VITEBSK",
    "ASTANA",
    "ALMATY",
    "ATYRAU",
    "TASHKENT",
    "BISHKEK",
    "BAKU",
    "YEREVAN",
    "GOMEL",
    "GRODNO",
    "MOGILEV",
    "PAVLODAR",
    "SAMARKAND",
    "OSH",
    "KAZAN",
    "OMSK",
];
const OUTLETS: &[&str] = &[
    "BelTA",
    "Kazinform",
    "Reuters",
    "TASS",
    "Trend",
    "UzA",
    "Kabar",
    "AKIpress",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FIRST: &[&str] = &[
    "Gumar", "Mikhail", "Aigerim", "Rustam", "Olga", "Nurlan", "Sergei", "Dilnoza", "Timur",
    "Anna", "Bakhyt", "Viktor", "Zarina", "Pavel", "Askar", "Irina",
];
/// Names the search benchmark looks for; each appears in a small share of the articles.
const KNOWN: &[&str] = &["Dyusembayev", "Serkov", "Kholmuradov", "Tokayeva"];
const TITLES: &[&str] = &[
    "First Vice Governor",
    "Deputy Chairman of the Oblast Executive Committee",
    "Minister of Agriculture",
    "Akim",
    "Deputy Prime Minister",
    "Ambassador",
    "Khokim",
    "Mayor",
];
const TOPICS: &[&str] = &[
    "agribusiness",
    "dairy production",
    "light industry",
    "fish processing",
    "civil engineering",
    "logistics",
    "tourism",
    "recreation",
    "woodworking",
    "machine building",
    "pharmaceuticals",
    "textiles",
    "education",
    "energy",
    "transport corridors",
    "border trade",
];
const FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "on", "for", "with", "that", "as", "by", "at", "from",
    "its", "was", "were", "will", "has", "have", "said", "also", "which", "their",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "sta", "vel", "dor", "an", "ber", "lin", "tus", "gra", "pol", "nek", "zi",
    "ur", "os", "tem", "var", "pro", "ment", "in", "ion", "al", "con", "ex", "ter",
];

impl WireGenerator {
    pub fn new(seed: u64) -> WireGenerator {
        let mut w = WireGenerator {
            state: seed,
            vocab: Vec::new(),
            surnames: Vec::new(),
        };
        while w.vocab.len() < 4_000 {
            let n = 2 + (w.next_u64() % 2) as usize;
            let word: String = (0..n).map(|_| w.pick(SYLLABLES)).collect();
            w.vocab.push(word);
        }
        for _ in 0..1_500 {
            let stem: String = (0..2).map(|_| w.pick(SYLLABLES)).collect();
            let ending = w.pick(&["ov", "ev", "enko", "ova", "bayev", "uly", "ski", "yan"]);
            let mut name = format!("{stem}{ending}");
            name[..1].make_ascii_uppercase();
            w.surnames.push(name);
        }
        w
    }

    /// The next number of the generator's xorshift sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next_u64() % xs.len() as u64) as usize]
    }

    /// A vocabulary word, frequent words far more often than rare ones.
    fn word(&mut self) -> String {
        let u = (self.next_u64() % 1_000_000) as f64 / 1_000_000.0;
        let i = ((self.vocab.len() as f64).powf(u) as usize).saturating_sub(1);
        self.vocab[i.min(self.vocab.len() - 1)].clone()
    }

    fn surname(&mut self) -> String {
        if self.next_u64().is_multiple_of(60) {
            self.pick(KNOWN).to_string()
        } else {
            let i = (self.next_u64() % self.surnames.len() as u64) as usize;
            self.surnames[i].clone()
        }
    }

    fn sentence(&mut self) -> String {
        let n = 12 + (self.next_u64() % 12) as usize;
        let mut words: Vec<String> = (0..n)
            .map(|_| {
                if self.next_u64() % 5 < 2 {
                    self.pick(FUNCTION).to_string()
                } else {
                    self.word()
                }
            })
            .collect();
        match self.next_u64() % 4 {
            0 => words.insert(n / 2, self.pick(TOPICS).to_string()),
            1 => words.insert(
                n / 3,
                format!(
                    "{} {} {}",
                    self.pick(TITLES),
                    self.pick(FIRST),
                    self.surname()
                ),
            ),
            _ => {}
        }
        let mut s = words.join(" ");
        s[..1].make_ascii_uppercase();
        s.push('.');
        s
    }

    /// The `i`-th article: a headline line, a blank line, a dateline paragraph, then
    /// paragraphs of three sentences up to 2-4 KB in all.
    pub fn article(&mut self, i: usize) -> String {
        let place = self.pick(PLACES);
        let outlet = self.pick(OUTLETS);
        let month = self.pick(MONTHS);
        let day = 1 + self.next_u64() % 28;
        let (f, l, t) = (self.pick(FIRST), self.surname(), self.pick(TITLES));
        let mut text = format!(
            "{} delegation holds talks in {} on {} (story {i})\n\n{place}, {day} {month} ({outlet}) - {t} {f} {l} met a delegation \
             to discuss {} and {}.",
            self.pick(PLACES),
            place,
            self.pick(TOPICS),
            self.pick(TOPICS),
            self.pick(TOPICS)
        );
        let target = 2048 + (self.next_u64() % 2048) as usize;
        while text.len() < target {
            text.push_str("\n\n");
            for _ in 0..3 {
                text.push_str(&self.sentence());
                text.push(' ');
            }
        }
        text
    }
}
