// Build the front-end assets into app/static/build/: GOV.UK Frontend's Sass with only the
// components we use, the system font stack instead of GDS Transport, and its JavaScript.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const out = "app/static/build";
mkdirSync(out, { recursive: true });

const css = sass.compile("app/static/src/app.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "mixed-decls", "global-builtin", "slash-div", "color-functions"],
});
writeFileSync(`${out}/app.css`, css.css);

copyFileSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js",
  `${out}/govuk-frontend.min.js`);
writeFileSync(`${out}/app.js`,
  'import { initAll } from "./govuk-frontend.min.js";\ninitAll();\n');
console.log(`built ${out}/app.css (${css.css.length} bytes) and app.js`);
