//! `briefing`: the Briefing Desk core from a terminal, on the same default database as the
//! desktop app.

#[macro_use]
mod output;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use briefing_core::Store;
use briefing_core::import::{ImportInput, import};
use briefing_core::store::{ArticleFilter, ReviewState};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

#[derive(Parser)]
#[command(
    name = "briefing",
    version,
    about = "Collect articles about delegation visits and search them."
)]
struct Cli {
    /// The database file. Default: BRIEFING_DB, else the "database" setting in
    /// ~/.config/briefing-desk/settings.json, else the desktop app's database in your data
    /// directory (the app decides the same way).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import files, folders (recursively), feeds and URLs.
    Import {
        /// Files, folders, or http(s) addresses.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List stored articles, most recently imported first.
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long, default_value_t = 0)]
        offset: i64,
        #[arg(long)]
        json: bool,
    },
    /// Search titles and texts; all words must occur, "quoted words" together.
    Search {
        query: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, default_value_t = 20)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    /// Show one article with its metadata, source and near-duplicate group.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Suggest the people a file names, with titles, organisations, countries and quotes,
    /// without touching a database.
    Extract {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Tag an article (tags can filter lists and searches).
    Tag { id: i64, tag: String },
    /// Write a consistent copy of the database (works while the app is open).
    Backup {
        file: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Replace the database's contents with a backup; the current contents are saved beside it.
    Restore { file: PathBuf },
    /// List the people in the store (confirmed counterparts), optionally those whose name
    /// in any spelling or script starts with QUERY's words.
    People {
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A person's dossier: names, positions over time, articles, quotes, visits, protocol
    /// notes. Options set the house spelling and the protocol notes.
    Person {
        id: i64,
        #[arg(long)]
        json: bool,
        /// Make this spelling the house spelling (the others stay as variants).
        #[arg(long, value_name = "NAME")]
        house_name: Option<String>,
        /// Form of address ("His Excellency", "Mr Dyusembayev").
        #[arg(long, value_name = "TEXT")]
        address: Option<String>,
        #[arg(long, value_name = "TEXT")]
        pronunciation: Option<String>,
        /// Interpreter needed, and for which languages.
        #[arg(long, value_name = "TEXT")]
        interpreter: Option<String>,
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
    },
    /// The suggestions for an article (people offered as known people, with the evidence;
    /// quotes, proposals, commitments, figures), and confirming or rejecting them.
    Review {
        article_id: i64,
        /// Confirm every suggestion still waiting, people as offered (for scripts).
        #[arg(long)]
        accept_all: bool,
        /// Confirm these suggested people (mention ids, as listed).
        #[arg(long, value_name = "MENTION", num_args = 1..)]
        confirm: Vec<i64>,
        /// Reject these suggested people.
        #[arg(long, value_name = "MENTION", num_args = 1..)]
        reject: Vec<i64>,
        /// Extract the article again with the current rules (decisions already made stay).
        #[arg(long)]
        again: bool,
        #[arg(long)]
        json: bool,
    },
    /// Merge person B into person A: one person, every spelling kept as a variant.
    Merge { a: i64, b: i64 },
    /// Split the mentions written as NAME off a person into a new person.
    Split {
        person: i64,
        #[arg(required = true)]
        names: Vec<String>,
    },
    /// Undo the latest review action (confirm, correct, reject, merge, split, edit).
    Undo,
    /// Create, show and edit visits.
    Visit {
        #[command(subcommand)]
        command: VisitCommand,
    },
    /// List the visits, the latest first.
    Visits {
        #[arg(long)]
        json: bool,
    },
    /// Compose, preview and export the brief on a visit.
    Brief {
        #[command(subcommand)]
        command: BriefCommand,
    },
    /// The latest review actions, with who did them and when.
    History {
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum VisitCommand {
    /// Create a visit: from an article's visit facts and confirmed people in one action
    /// (`--from-article ID`), or by hand (`--title ...`).
    Create {
        #[arg(long, value_name = "ARTICLE_ID", conflicts_with = "title")]
        from_article: Option<i64>,
        #[arg(long, required_unless_present = "from_article")]
        title: Option<String>,
        /// official, working, reciprocal or other.
        #[arg(long, default_value = "official")]
        kind: String,
        #[arg(long)]
        place: Option<String>,
        /// YYYY-MM-DD, or --MM-DD when the year is unknown.
        #[arg(long, allow_hyphen_values = true)]
        start: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        end: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A visit with its participants, articles, proposals, commitments and background.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Add a person to a visit, or change their side (visiting, host, other) and role (head,
    /// member, host, other).
    Participant {
        visit: i64,
        person: i64,
        #[arg(long)]
        side: String,
        #[arg(long, default_value = "member")]
        role: String,
    },
    /// Link an article to a visit.
    Link { visit: i64, article: i64 },
    /// Set a commitment's status, due date and owner.
    Commitment {
        id: i64,
        #[arg(long)]
        status: String,
        #[arg(long)]
        due: Option<String>,
        #[arg(long)]
        owner: Option<String>,
    },
}

#[derive(Args)]
struct BriefArgs {
    /// The visit the brief is on.
    #[arg(long)]
    visit: i64,
    /// Sections in order, comma-separated, from: cover, summary, counterparts, profiles,
    /// cooperation, commitments, facts, background, talking_points, sources, appendix.
    /// Default: the brief's stored choice, else all of them.
    #[arg(long, value_delimiter = ',')]
    sections: Vec<String>,
    /// The classification marking in the header (default: the house style's).
    #[arg(long)]
    classification: Option<String>,
    /// Who prepares the brief (default: the house style's).
    #[arg(long)]
    author: Option<String>,
    #[arg(long)]
    organisation: Option<String>,
    /// a4 or letter (default: the house style's).
    #[arg(long)]
    paper: Option<String>,
}

#[derive(Subcommand)]
enum BriefCommand {
    /// Export the brief as a DOCX file (written atomically; an existing file only with
    /// --force).
    Export {
        #[command(flatten)]
        brief: BriefArgs,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Write the HTML preview of the brief (what the DOCX contains).
    Preview {
        #[command(flatten)]
        brief: BriefArgs,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Print the suggested key points (each with its source); --accept stores them as the
    /// brief's summary, to edit.
    Draft {
        #[arg(long)]
        visit: i64,
        #[arg(long)]
        accept: bool,
    },
    /// Store the officer's texts and choices for a visit's brief. Texts are read from files
    /// (blank lines separate paragraphs; lines starting "- " are bullets).
    Set {
        #[arg(long)]
        visit: i64,
        #[arg(long, value_name = "FILE")]
        summary: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        talking_points: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        defensive_lines: Option<PathBuf>,
        #[arg(long, value_delimiter = ',')]
        sections: Vec<String>,
        #[arg(long)]
        classification: Option<String>,
    },
}

fn parse_sections(names: &[String]) -> Result<Vec<briefing_core::brief::SectionKind>> {
    names
        .iter()
        .map(|n| {
            briefing_core::brief::SectionKind::parse(n).with_context(|| {
                format!(
                    "unknown section \u{201c}{n}\u{201d}; choose from {}",
                    briefing_core::brief::SectionKind::ALL
                        .iter()
                        .map(|k| k.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
        })
        .collect()
}

/// The brief options: stored choices, the house style, then the command line.
fn brief_options(store: &Store, a: &BriefArgs) -> Result<briefing_core::brief::BriefOptions> {
    let settings = briefing_core::settings::Settings::load(
        &briefing_core::settings::Settings::default_path(),
    )?;
    let house = settings.house_style;
    let mut o = store.brief_options(a.visit)?;
    o.author = a.author.clone();
    o.organisation = a.organisation.clone();
    o.classification = a.classification.clone().or(o.classification);
    let mut o = o.with_house_style(&house);
    o.paper = match a.paper.as_deref() {
        None => house.paper,
        Some("a4" | "A4") => briefing_core::brief::Paper::A4,
        Some("letter" | "Letter") => briefing_core::brief::Paper::Letter,
        Some(other) => anyhow::bail!("--paper {other}: choose a4 or letter"),
    };
    if !a.sections.is_empty() {
        o.sections = parse_sections(&a.sections)?;
    }
    Ok(o)
}

/// Who review actions are recorded as: the login name.
fn actor() -> String {
    briefing_core::settings::current_user()
}

#[derive(Args)]
struct FilterArgs {
    /// Only articles from this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Only articles with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only articles naming this person (an id from `briefing people`).
    #[arg(long)]
    person: Option<i64>,
    /// Only articles linked to this visit (an id from `briefing visits`).
    #[arg(long)]
    visit: Option<i64>,
    /// Only articles whose people wait for review (`pending`) or do not (`reviewed`).
    #[arg(long, value_parser = ["pending", "reviewed"])]
    review: Option<String>,
}

impl FilterArgs {
    fn filter(self) -> Result<ArticleFilter> {
        for (name, date) in [("--from", &self.from), ("--to", &self.to)] {
            if let Some(d) = date {
                briefing_core::PublishedDate::parse_iso(d)
                    .filter(|p| p.year.is_some())
                    .with_context(|| format!("{name} {d}: expected a date as YYYY-MM-DD"))?;
            }
        }
        Ok(ArticleFilter {
            outlet: self.outlet,
            from: self.from,
            to: self.to,
            tag: self.tag,
            person: self.person,
            visit: self.visit,
            review: self.review.map(|r| {
                if r == "pending" {
                    ReviewState::Pending
                } else {
                    ReviewState::Reviewed
                }
            }),
        })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("briefing: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if let Command::Extract { file, json } = &cli.command {
        return extract(file, *json);
    }
    let db = briefing_core::settings::database_path(cli.db)?;
    let mut store = Store::open(&db)?;
    match cli.command {
        Command::Import { inputs, json } => {
            let inputs: Vec<ImportInput> = inputs.iter().map(|a| ImportInput::parse(a)).collect();
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                    .expect("progress template parses"),
            );
            let cancel = AtomicBool::new(false);
            let report = import(
                &mut store,
                &inputs,
                |p| {
                    bar.set_length(p.total as u64);
                    bar.set_position(p.done as u64);
                    bar.set_message(p.current.clone());
                },
                &cancel,
            );
            bar.finish_and_clear();
            if json {
                output::print_json(&report)?;
            } else {
                output::print_import(&report);
            }
            Ok(if report.failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::List {
            filter,
            limit,
            offset,
            json,
        } => {
            let articles = store.list_articles(&filter.filter()?, limit, offset)?;
            if json {
                output::print_json(&articles)?
            } else {
                output::print_list(&articles)
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            filter,
            limit,
            json,
        } => {
            let hits = store.search(&query, &filter.filter()?, limit)?;
            if json {
                output::print_json(&hits)?
            } else {
                output::print_hits(&hits)
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, json } => {
            let article = store.article(id)?;
            if json {
                output::print_json(&article)?
            } else {
                output::print_article(&article)
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { .. } => unreachable!("handled before the database is opened"),
        Command::Tag { id, tag } => {
            store.article(id)?;
            store.tag_article(id, &tag)?;
            println!("article {id} tagged \u{201c}{tag}\u{201d}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { file, force } => {
            store.backup_to(&file, force)?;
            println!("backup written to {}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { file } => {
            let safety = store.restore_from(&file)?;
            println!(
                "restored from {} ({} articles)",
                file.display(),
                store.count_articles()?
            );
            if let Some(s) = safety {
                println!("the previous contents were saved to {}", s.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::People { query, json } => {
            let people = store.people(query.as_deref())?;
            if json {
                output::print_json(&people)?
            } else {
                output::print_people(&people)
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Person {
            id,
            json,
            house_name,
            address,
            pronunciation,
            interpreter,
            notes,
        } => {
            let who = actor();
            if let Some(name) = house_name {
                store.set_house_name(id, &name, &who)?;
            }
            if address.is_some()
                || pronunciation.is_some()
                || interpreter.is_some()
                || notes.is_some()
            {
                let mut p = store.dossier(id)?.protocol;
                p.form_of_address = address.or(p.form_of_address);
                p.pronunciation = pronunciation.or(p.pronunciation);
                p.interpreter = interpreter.or(p.interpreter);
                p.notes = notes.or(p.notes);
                store.set_protocol_notes(id, &p, &who)?;
            }
            let dossier = store.dossier(id)?;
            if json {
                output::print_json(&dossier)?
            } else {
                output::print_dossier(&dossier)
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Review {
            article_id,
            accept_all,
            confirm,
            reject,
            again,
            json,
        } => {
            let who = actor();
            store.article(article_id)?;
            store.ensure_extracted(article_id, again)?;
            let belongs = |store: &Store, m: i64| -> Result<()> {
                let review = store.article_review(article_id)?;
                anyhow::ensure!(
                    review.mentions.iter().any(|x| x.id == m),
                    "article {article_id} has no suggested person {m}"
                );
                Ok(())
            };
            for m in confirm {
                belongs(&store, m)?;
                let person = store.confirm_mention(m, &who)?;
                eprintln!("confirmed {m} as person {person}");
            }
            for m in reject {
                belongs(&store, m)?;
                store.reject_mention(m, &who)?;
                eprintln!("rejected {m}");
            }
            if accept_all {
                let a = store.accept_all(article_id, &who)?;
                eprintln!(
                    "accepted {} people, {} quotes, {} proposals, {} commitments, {} figures",
                    a.people, a.quotes, a.topics, a.commitments, a.figures
                );
            }
            let review = store.article_review(article_id)?;
            if json {
                output::print_json(&review)?
            } else {
                output::print_review(&review)
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge { a, b } => {
            let (na, nb) = (store.dossier(a)?.house_name, store.dossier(b)?.house_name);
            store.merge_people(a, b, &actor())?;
            println!("merged {nb} [{b}] into {na} [{a}]");
            Ok(ExitCode::SUCCESS)
        }
        Command::Split { person, names } => {
            let new = store.split_person(person, &names, &actor())?;
            println!(
                "split {} off person {person} as person {new}",
                names.join(", ")
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Undo => {
            match store.undo_last(&actor())? {
                Some(e) => println!("undone: {} {} ({}, {})", e.action, e.subject, e.actor, e.at),
                None => println!("nothing to undo"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Visit { command } => visit_command(&mut store, command),
        Command::Visits { json } => {
            let visits = store.visits()?;
            if json {
                output::print_json(&visits)?
            } else {
                output::print_visits(&visits)
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Brief { command } => brief_command(&mut store, command),
        Command::History { limit, json } => {
            let log = store.review_log(limit)?;
            if json {
                output::print_json(&log)?
            } else {
                output::print_history(&log)
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn visit_command(store: &mut Store, command: VisitCommand) -> Result<ExitCode> {
    match command {
        VisitCommand::Create {
            from_article,
            title,
            kind,
            place,
            start,
            end,
            json,
        } => {
            let id = match from_article {
                Some(article) => store.create_visit_from_article(article)?,
                None => store.create_visit(&briefing_core::store::VisitFields {
                    title: title.unwrap_or_default(),
                    kind,
                    place,
                    start_date: start,
                    end_date: end,
                    status: "planned".into(),
                    ..Default::default()
                })?,
            };
            let visit = store.visit(id)?;
            if json {
                output::print_json(&visit)?
            } else {
                output::print_visit(&visit)
            }
        }
        VisitCommand::Show { id, json } => {
            let visit = store.visit(id)?;
            if json {
                output::print_json(&visit)?
            } else {
                output::print_visit(&visit)
            }
        }
        VisitCommand::Participant {
            visit,
            person,
            side,
            role,
        } => {
            store.set_participant(visit, person, &side, &role)?;
            println!("person {person} is on the {side} side of visit {visit} ({role})");
        }
        VisitCommand::Link { visit, article } => {
            store.link_article(visit, article)?;
            println!("article {article} linked to visit {visit}");
        }
        VisitCommand::Commitment {
            id,
            status,
            due,
            owner,
        } => {
            store.update_commitment(id, owner.as_deref(), due.as_deref(), &status)?;
            println!("commitment {id}: {status}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn brief_command(store: &mut Store, command: BriefCommand) -> Result<ExitCode> {
    use briefing_core::brief;
    match command {
        BriefCommand::Export {
            brief: args,
            output,
            force,
        } => {
            let options = brief_options(store, &args)?;
            let model = brief::compose(&store.brief_input(args.visit)?, &options);
            let bytes = brief::docx::render(&model)?;
            brief::write_atomically(&output, &bytes, force)?;
            store.record_export(args.visit, &output.display().to_string(), &bytes)?;
            println!(
                "brief written to {} ({} sections, {} sources, {} KB)",
                output.display(),
                model.sections.len(),
                model.sources.len(),
                bytes.len().div_ceil(1024)
            );
        }
        BriefCommand::Preview {
            brief: args,
            output,
            force,
        } => {
            let options = brief_options(store, &args)?;
            let model = brief::compose(&store.brief_input(args.visit)?, &options);
            let html = brief::html::render_document(&model);
            brief::write_atomically(&output, html.as_bytes(), force)?;
            println!("preview written to {}", output.display());
        }
        BriefCommand::Draft { visit, accept } => {
            let input = store.brief_input(visit)?;
            let points = brief::suggested_points(&input);
            if points.is_empty() {
                println!("no key points could be drawn from the visit's articles");
            }
            for (p, article) in &points {
                println!("- {p} [article {article}]");
            }
            if accept {
                let mut o = store.brief_options(visit)?;
                o.summary = Some(
                    points
                        .iter()
                        .map(|(p, _)| format!("- {p}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
                store.save_brief_options(visit, &o)?;
                eprintln!(
                    "stored as the brief's summary; edit it with `briefing brief set --summary FILE`"
                );
            }
        }
        BriefCommand::Set {
            visit,
            summary,
            talking_points,
            defensive_lines,
            sections,
            classification,
        } => {
            let read = |p: &Option<PathBuf>| -> Result<Option<String>> {
                p.as_ref()
                    .map(|p| std::fs::read_to_string(p).with_context(|| p.display().to_string()))
                    .transpose()
            };
            let mut o = store.brief_options(visit)?;
            if let Some(s) = read(&summary)? {
                o.summary = Some(s);
            }
            if let Some(s) = read(&talking_points)? {
                o.talking_points = Some(s);
            }
            if let Some(s) = read(&defensive_lines)? {
                o.defensive_lines = Some(s);
            }
            if !sections.is_empty() {
                o.sections = parse_sections(&sections)?;
            }
            if classification.is_some() {
                o.classification = classification;
            }
            store.save_brief_options(visit, &o)?;
            println!("brief options of visit {visit} stored");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `briefing extract FILE`: ingest and extract, printing the suggestions of every article.
fn extract(file: &std::path::Path, json: bool) -> Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("{}", file.display()))?;
    let name = file.display().to_string();
    let hint = briefing_core::ingest::SourceHint {
        name: &name,
        ..Default::default()
    };
    let ingested = briefing_core::ingest::ingest(&hint, &bytes).with_context(|| name.clone())?;
    let all: Vec<_> = ingested
        .articles
        .iter()
        .map(briefing_core::extract::extract)
        .collect();
    if json {
        // One article gives one object; a feed gives an array, one per item.
        match all.as_slice() {
            [one] => output::print_json(one)?,
            many => output::print_json(&many)?,
        }
    } else {
        for (article, s) in ingested.articles.iter().zip(&all) {
            output::print_suggestions(&article.title, s);
        }
    }
    Ok(ExitCode::SUCCESS)
}
