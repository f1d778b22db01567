#!/usr/bin/env bash
# Renders the canonical article's brief to docs/screenshots/brief-page-N.png: import, accept
# the suggestions, create the visit, export the DOCX, convert it with LibreOffice, rasterise.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages libreoffice-writer-nogui poppler-utils

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export BRIEFING_DB="$work/briefing.sqlite"
cargo build -q -p briefing-cli
briefing=target/debug/briefing
"$briefing" import ../shared/fixtures/kazinform-atyrau-brest.txt >/dev/null
"$briefing" review 1 --accept-all >/dev/null 2>&1
"$briefing" visit create --from-article 1 >/dev/null
printf -- '- Welcome the delegation on the anniversary of the defence of the Brest Fortress.\n- Propose a joint working group on agribusiness and processing, meeting twice a year.\n- Accept the invitation to a reciprocal visit to Atyrau Oblast in principle; dates to be agreed.\n' > "$work/points.txt"
printf -- '- On the small number of joint ventures: point to the three facilities under negotiation.\n' > "$work/lines.txt"
"$briefing" person 1 --address "Mr Dyusembayev" --pronunciation "dyoo-sem-BAH-yev" --interpreter "Kazakh–Russian" >/dev/null
"$briefing" brief set --visit 1 --talking-points "$work/points.txt" --defensive-lines "$work/lines.txt" >/dev/null
"$briefing" brief export --visit 1 -o "$work/brief.docx" --classification "RESTRICTED — FOR OFFICIAL USE" \
  --author "A. Officer" --organisation "Ministry of Foreign Affairs"
soffice "-env:UserInstallation=file://$work/lo" --headless --convert-to pdf --outdir "$work" "$work/brief.docx" >/dev/null
rm -f docs/screenshots/brief-page-*.png
pdftoppm -png -r 70 "$work/brief.pdf" "$work/page"
i=1
for f in "$work"/page-*.png; do
  cp "$f" "docs/screenshots/brief-page-$i.png"
  i=$((i + 1))
done
log "wrote $((i - 1)) pages to docs/screenshots/brief-page-N.png"
