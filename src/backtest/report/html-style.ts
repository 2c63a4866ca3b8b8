/**
 * The report's stylesheet, inlined so the page needs nothing beside itself. Print-friendly:
 * black text on white, no backgrounds a printer would drop.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  color: #1a1a1a; background: #fff; max-width: 980px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
p.headline { font-size: 1.15rem; margin: 1rem 0 1.5rem; }
p.meta, p.note, footer { color: #555; font-size: 0.9rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #e4e4e4; text-align: left; }
th { font-weight: 600; background: #f6f6f6; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.years { font-size: 0.85rem; }
figure { margin: 1.2rem 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
details { margin-top: 0.4rem; }
details p { font-size: 0.85rem; word-spacing: 0.2rem; }
ul.assumptions li { margin: 0.3rem 0; }
@media print { body { margin: 0; max-width: none; } figure { break-inside: avoid; } }
`;
