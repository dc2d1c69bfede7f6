#!/usr/bin/env bash
# Build GOV.UK Frontend for Safeguard once, into src/safeguard/web/static/govuk/.
#
# The built files are kept in the repository so that running Safeguard never needs node or npm.
# Safeguard is not a GOV.UK service, so the build leaves out what is reserved for GOV.UK: the GDS
# Transport font (Arial is used instead, with no @font-face) and the crown and crest images.
# Run it again only to upgrade GOV.UK Frontend: scripts/build-frontend.sh [version]
set -euo pipefail

GOVUK_FRONTEND_VERSION="${1:-6.6.0}"
SASS_VERSION="1.108.2"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/src/safeguard/web/static/govuk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  "govuk-frontend@$GOVUK_FRONTEND_VERSION" "sass@$SASS_VERSION" >/dev/null

cat > safeguard-govuk.scss <<'SCSS'
// Arial instead of GDS Transport; with Transport absent from the list, no @font-face is emitted.
@use "node_modules/govuk-frontend/dist/govuk" with (
  $govuk-font-family: (arial, sans-serif),
  $govuk-include-default-font-face: false,
  $govuk-assets-path: "/static/govuk/assets/"
);
SCSS

npx sass --no-source-map --style=compressed --quiet-deps --silence-deprecation=import \
  safeguard-govuk.scss govuk-frontend.min.css

if grep -q "GDS Transport\|@font-face" govuk-frontend.min.css; then
  echo "build-frontend: the compiled CSS still mentions GDS Transport or @font-face" >&2
  exit 1
fi

dist="node_modules/govuk-frontend/dist/govuk"
rm -rf "$out"
mkdir -p "$out"
cp govuk-frontend.min.css "$out/"
# The source map is not shipped, so drop the comment that would make browsers ask for it.
sed 's#//\# sourceMappingURL=.*$##' "$dist/govuk-frontend.min.js" > "$out/govuk-frontend.min.js"
# No images are copied: the only ones GOV.UK Frontend ships are the crown, crest and GOV.UK icons.

{
  echo "GOV.UK Frontend $GOVUK_FRONTEND_VERSION (https://github.com/alphagov/govuk-frontend)"
  echo "Built by scripts/build-frontend.sh with Arial instead of GDS Transport, without fonts or crown."
  echo
  cat <<'LICENCE'
The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENCE
} > "$out/LICENCE.txt"

echo "build-frontend: GOV.UK Frontend $GOVUK_FRONTEND_VERSION built into $out"
ls -l "$out"
