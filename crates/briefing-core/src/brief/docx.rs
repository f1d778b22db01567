//! The brief as a DOCX package: docx-rs builds the parts, and this renderer owns every style,
//! cleans every string, and finishes the package where docx-rs stops short (see
//! `../shared/ENVIRONMENT.md`): header rows repeated on each page, the title and author in the
//! core properties, a table of contents Word and LibreOffice both show, and deflate
//! compression.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, Hyperlink,
    HyperlinkType, IndentLevel, InstrText, Level, LevelJc, LevelText, LineSpacing, NumPages,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, Run, RunFonts, Shading,
    Start, Style, StyleType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::{Block, Brief, Inline, Paper, clean};

/// Twips (1/20 pt) per millimetre.
const TWIPS_PER_MM: f64 = 56.692;
/// Numbering ids of our own lists (docx-rs's defaults take the low ones).
const BULLETS: usize = 101;
const NUMBERS: usize = 102;
/// The height given to table header rows, by which the finishing pass finds them to mark
/// them as repeated on every page (docx-rs has no setter for `w:tblHeader`).
const HEADER_ROW_HEIGHT: f32 = 397.0;

/// What can go wrong when packaging; building from the model itself cannot fail.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("could not write the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write the DOCX package: {0}")]
    Io(#[from] std::io::Error),
}

fn escape_attr(s: &str) -> String {
    clean(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Only web and mail addresses become links.
fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
        .then(|| escape_attr(url.trim()))
}

fn styles(docx: Docx) -> Docx {
    let font = || {
        RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .cs("Calibri")
            .east_asia("Calibri")
    };
    let heading = |id: &str, name: &str, size: usize, level: usize, before: u32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .bold()
            .size(size)
            .color("1F3864")
            .fonts(font())
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(before).after(120))
    };
    docx.default_fonts(font())
        .default_size(22)
        // docx-rs defines "Normal" itself; its spacing comes from the document defaults.
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(docx_rs::LineSpacingType::Auto),
        )
        .add_style(
            Style::new("TOC1", StyleType::Paragraph)
                .name("toc 1")
                .based_on("Normal")
                .next("Normal")
                .line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .bold()
                .size(40)
                .color("1F3864")
                .fonts(font())
                .line_spacing(LineSpacing::new().before(240).after(240)),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .size(24)
                .color("404040")
                .line_spacing(LineSpacing::new().after(80)),
        )
        .add_style(heading("Heading1", "heading 1", 32, 0, 360))
        .add_style(heading("Heading2", "heading 2", 26, 1, 240))
        .add_style(heading("Heading3", "heading 3", 23, 2, 200))
        .add_style(
            Style::new("TOCHeading", StyleType::Paragraph)
                .name("TOC Heading")
                .based_on("Normal")
                .bold()
                .size(26)
                .color("1F3864")
                .line_spacing(LineSpacing::new().before(240).after(120)),
        )
        .add_style(
            Style::new("TableText", StyleType::Paragraph)
                .name("Table Text")
                .based_on("Normal")
                .size(19)
                .line_spacing(
                    LineSpacing::new()
                        .before(20)
                        .after(20)
                        .line(240)
                        .line_rule(docx_rs::LineSpacingType::Auto),
                ),
        )
        .add_style(
            Style::new("TableHeader", StyleType::Paragraph)
                .name("Table Header")
                .based_on("TableText")
                .bold()
                .color("FFFFFF"),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .italic()
                .size(19)
                .color("595959"),
        )
        .add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .italic()
                .color("404040")
                .indent(Some(567), None, Some(567), None),
        )
        .add_style(
            Style::new("ListParagraph", StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal")
                .line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(
            Style::new("Hyperlink", StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
        .add_style(
            Style::new("Header", StyleType::Paragraph)
                .name("header")
                .based_on("Normal")
                .size(18),
        )
        .add_style(
            Style::new("Footer", StyleType::Paragraph)
                .name("footer")
                .based_on("Normal")
                .size(18)
                .color("595959"),
        )
}

fn numbering(docx: Docx) -> Docx {
    docx.add_abstract_numbering(
        AbstractNumbering::new(BULLETS).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(
                Some(567),
                Some(docx_rs::SpecialIndentType::Hanging(283)),
                None,
                None,
            ),
        ),
    )
    .add_numbering(Numbering::new(BULLETS, BULLETS))
    .add_abstract_numbering(
        AbstractNumbering::new(NUMBERS).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new("%1."),
                LevelJc::new("left"),
            )
            .indent(
                Some(567),
                Some(docx_rs::SpecialIndentType::Hanging(425)),
                None,
                None,
            ),
        ),
    )
    .add_numbering(Numbering::new(NUMBERS, NUMBERS))
}

fn text_run(text: &str) -> Run {
    Run::new().add_text(clean(text))
}

fn add_inlines(mut p: Paragraph, inlines: &[Inline]) -> Paragraph {
    for i in inlines {
        p = match i {
            Inline::Text { text } => p.add_run(text_run(text)),
            Inline::Bold { text } => p.add_run(text_run(text).bold()),
            Inline::Italic { text } => p.add_run(text_run(text).italic()),
            Inline::Cite { n } => p.add_run(text_run(&format!("[{n}]"))),
            Inline::Link { text, url } => match safe_url(url) {
                Some(u) => p.add_hyperlink(
                    Hyperlink::new(u, HyperlinkType::External)
                        .add_run(text_run(text).style("Hyperlink")),
                ),
                None => p.add_run(text_run(text)),
            },
        };
    }
    p
}

fn table(columns: &[super::Column], rows: &[Vec<Vec<Inline>>], text_width: usize) -> Table {
    let widths: Vec<usize> = columns
        .iter()
        .map(|c| text_width * c.width as usize / 100)
        .collect();
    let header = TableRow::new(
        columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .shading(Shading::new().fill("1F3864"))
                    .add_paragraph(
                        Paragraph::new()
                            .style("TableHeader")
                            .add_run(text_run(&c.header)),
                    )
            })
            .collect(),
    )
    .cant_split()
    .row_height(HEADER_ROW_HEIGHT)
    .height_rule(docx_rs::HeightRule::AtLeast);
    let mut all = vec![header];
    for (i, row) in rows.iter().enumerate() {
        all.push(
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .map(|(cell, w)| {
                        let mut c = TableCell::new()
                            .width(*w, WidthType::Dxa)
                            .add_paragraph(add_inlines(Paragraph::new().style("TableText"), cell));
                        if i % 2 == 1 {
                            c = c.shading(Shading::new().fill("EEF2F8"));
                        }
                        c
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(all)
        .set_grid(widths)
        .width(text_width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A table of contents Word updates and LibreOffice shows: the TOC field split into runs, its
/// cached entries the section headings.
fn toc(mut docx: Docx, brief: &Brief) -> Docx {
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("TOCHeading")
            .add_run(text_run("Contents")),
    );
    // One paragraph holds the whole field; the cached entries are separated by line breaks
    // (LibreOffice runs entries of a field split over paragraphs together).
    let mut p = Paragraph::new()
        .style("TOC1")
        .add_run(Run::new().add_field_char(FieldCharType::Begin, true))
        .add_run(Run::new().add_instr_text(InstrText::Unsupported(
            r#" TOC \o "1-2" \h \z \u "#.to_string(),
        )))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false));
    for (i, s) in brief.sections.iter().enumerate() {
        if i > 0 {
            p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        p = p.add_run(text_run(&s.heading));
    }
    p = p.add_run(Run::new().add_field_char(FieldCharType::End, false));
    docx = docx.add_paragraph(p);
    docx
}

/// Builds the DOCX package of a brief.
pub fn render(brief: &Brief) -> Result<Vec<u8>, DocxError> {
    let (w, h) = match brief.paper {
        Paper::A4 => (11906u32, 16838u32),
        Paper::Letter => (12240, 15840),
    };
    let margin = (f64::from(brief.margin_mm) * TWIPS_PER_MM).round() as i32;
    let text_width = (w as i32 - 2 * margin).max(2000) as usize;
    let mut docx = numbering(styles(Docx::new()))
        .page_size(w, h)
        .page_margin(PageMargin {
            top: margin,
            left: margin,
            bottom: margin,
            right: margin,
            header: margin / 2,
            footer: margin / 2,
            gutter: 0,
        });
    if let Some(c) = &brief.classification {
        docx = docx.header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .style("Header")
                    .align(AlignmentType::Center)
                    .add_run(text_run(c).bold().color("C00000")),
            ),
        );
    }
    docx = docx.footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .style("Footer")
                .align(AlignmentType::Center)
                .add_run(text_run("Page "))
                .add_page_num(PageNum::new())
                .add_run(text_run(" of "))
                .add_num_pages(NumPages::new()),
        ),
    );
    if brief.cover {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(text_run(&brief.title)),
        );
        for line in &brief.cover_lines {
            docx = docx.add_paragraph(Paragraph::new().style("Subtitle").add_run(text_run(line)));
        }
        docx = toc(docx, brief);
    } else {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(text_run(&brief.title)),
        );
    }
    for (i, section) in brief.sections.iter().enumerate() {
        let mut heading = Paragraph::new()
            .style("Heading1")
            .add_run(text_run(&section.heading));
        // The appendix and the first section after the cover start on a new page.
        if (i == 0 && brief.cover) || section.kind == super::SectionKind::Appendix {
            heading = heading.page_break_before(true);
        }
        docx = docx.add_paragraph(heading);
        for block in &section.blocks {
            docx = match block {
                Block::Paragraph { inlines } => {
                    docx.add_paragraph(add_inlines(Paragraph::new().style("Normal"), inlines))
                }
                Block::Subheading { text } => docx.add_paragraph(
                    Paragraph::new()
                        .style("Heading2")
                        .keep_next(true)
                        .add_run(text_run(text)),
                ),
                Block::Bullets { items } => items.iter().fold(docx, |d, item| {
                    d.add_paragraph(add_inlines(
                        Paragraph::new()
                            .style("ListParagraph")
                            .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                        item,
                    ))
                }),
                Block::Numbered { items } => items.iter().fold(docx, |d, item| {
                    d.add_paragraph(add_inlines(
                        Paragraph::new()
                            .style("ListParagraph")
                            .numbering(NumberingId::new(NUMBERS), IndentLevel::new(0)),
                        item,
                    ))
                }),
                Block::Table { columns, rows } => docx
                    .add_table(table(columns, rows, text_width))
                    .add_paragraph(Paragraph::new().style("Normal")),
                Block::Quote { inlines } => {
                    docx.add_paragraph(add_inlines(Paragraph::new().style("Quote"), inlines))
                }
                Block::Note { text } => {
                    docx.add_paragraph(Paragraph::new().style("Caption").add_run(text_run(text)))
                }
            };
        }
    }
    let mut raw = Cursor::new(Vec::new());
    docx.build().pack(&mut raw)?;
    finish(raw.into_inner(), brief)
}

fn core_xml(brief: &Brief) -> String {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
    let esc = |s: &str| {
        clean(s)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let author = esc(brief.author.as_deref().unwrap_or("Briefing Desk"));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>Visit brief</dc:subject><dc:creator>{author}</dc:creator><cp:keywords>{}</cp:keywords><cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>"#,
        esc(&brief.title),
        esc(brief.classification.as_deref().unwrap_or("")),
    )
}

/// Re-packs docx-rs's output: deflate-compressed, with the core properties written and the
/// table header rows marked to repeat.
fn finish(raw: Vec<u8>, brief: &Brief) -> Result<Vec<u8>, DocxError> {
    let mut input = zip::ZipArchive::new(Cursor::new(raw))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut entry = input.by_index(i)?;
        let name = entry.name().to_string();
        if entry.is_dir() {
            continue; // a package has parts, not folders
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes)?;
        let bytes = match name.as_str() {
            "docProps/core.xml" => core_xml(brief).into_bytes(),
            "word/document.xml" => {
                let xml = String::from_utf8_lossy(&bytes).into_owned();
                let marker = format!(r#"<w:trHeight w:val="{}""#, HEADER_ROW_HEIGHT as u32);
                xml.replace(&marker, &format!("<w:tblHeader />{marker}"))
                    .into_bytes()
            }
            _ => bytes,
        };
        out.start_file(name, options)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}
