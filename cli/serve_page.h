/* serve_page.h - the fixed parts of the pages "whosaid serve" sends: the
 * stylesheet and the little script, inline so that a page needs nothing but
 * its own response (no external assets). Data never goes in here; serve.c
 * escapes every value it puts into a page. */
#ifndef WHOSAID_CLI_SERVE_PAGE_H
#define WHOSAID_CLI_SERVE_PAGE_H

/* Speaker colours: class spN (N < SERVE_COLOURS) on highlights and legend
 * entries; spx for a quotation without a known speaker. */
#define SERVE_COLOURS 8

static const char serve_css[] =
    ":root{--fg:#1d232a;--muted:#5b6673;--line:#d8dde3;--bg:#fbfbfa;--accent:#1f5f99}"
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--fg);"
    "background:var(--bg)}"
    "header{background:#23303d;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;"
    "align-items:baseline}"
    "header a{color:#fff;text-decoration:none}header .brand{font-weight:700;font-size:1.1rem}"
    "main{max-width:60rem;margin:0 auto;padding:1rem 1.2rem 3rem}"
    "a{color:var(--accent)}"
    "h1{font-size:1.5rem;margin:.6rem 0}"
    "form.search{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.5rem;"
    "background:#fff;border:1px solid var(--line);border-radius:6px;padding:.8rem;margin:.6rem 0 1rem}"
    "form.search label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}"
    "form.search input{font:inherit;padding:.3rem .4rem;border:1px solid var(--line);border-radius:4px}"
    "form.search .q{grid-column:1/-1}"
    "form.search button{font:inherit;padding:.35rem 1rem;border:0;border-radius:4px;"
    "background:var(--accent);color:#fff;cursor:pointer;align-self:end}"
    ".error{background:#fdecea;border:1px solid #e6a19a;padding:.6rem .8rem;border-radius:6px}"
    ".summary,.meta{color:var(--muted);font-size:.9rem}"
    "ol.hits{list-style:none;padding:0;margin:0}"
    ".hit{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;"
    "margin:.5rem 0}"
    ".hit blockquote{margin:0 0 .3rem;font-size:1.05rem}"
    ".pager{margin:1rem 0;display:flex;gap:1rem}"
    "ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem .9rem;margin:.6rem 0}"
    "ul.legend li{cursor:pointer;display:flex;align-items:center;gap:.35rem}"
    "ul.legend li.off{opacity:.4}"
    ".sw{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;background:var(--c)}"
    ".article-text{white-space:pre-wrap;background:#fff;border:1px solid var(--line);"
    "border-radius:6px;padding:1rem 1.2rem;font-family:Georgia,'Times New Roman',serif;"
    "font-size:1.05rem;line-height:1.65}"
    "mark.q{background:var(--bgc);border-bottom:2px solid var(--c);color:inherit;padding:0 1px;"
    "border-radius:2px}"
    "mark.q.dim{background:transparent;border-bottom-color:var(--line)}"
    "mark.q.target{outline:2px solid var(--c);outline-offset:1px}"
    ".sp0{--c:#1f77b4;--bgc:#d6e6f4}.sp1{--c:#d62728;--bgc:#f8d6d6}.sp2{--c:#2ca02c;--bgc:#d8efd5}"
    ".sp3{--c:#9467bd;--bgc:#e9e0f2}.sp4{--c:#e07b00;--bgc:#fde5c9}.sp5{--c:#17a2b8;--bgc:#d0eef2}"
    ".sp6{--c:#d44f9e;--bgc:#f7dcec}.sp7{--c:#8c564b;--bgc:#eadbd8}.spx{--c:#8a939c;--bgc:#e6e8ea}"
    "table.speakers{border-collapse:collapse;width:100%;background:#fff}"
    "table.speakers td,table.speakers th{border-bottom:1px solid var(--line);padding:.35rem .5rem;"
    "text-align:left}"
    "table.speakers td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "svg.chart{width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:6px}"
    "svg.chart rect.bar{fill:#1f77b4}svg.chart rect.bar:hover{fill:#d62728}"
    "svg.chart text{font-size:11px;fill:#5b6673}";

/* Article page: clicking a legend entry dims every other speaker's
 * quotations; clicking it again shows them all. */
static const char serve_js[] =
    "(function(){"
    "var items=document.querySelectorAll('ul.legend li[data-sp]');"
    "var on=null;"
    "items.forEach(function(li){li.addEventListener('click',function(ev){"
    "if(ev.target.tagName==='A')return;"
    "var sp=li.getAttribute('data-sp');on=on===sp?null:sp;"
    "items.forEach(function(o){o.classList.toggle('off',on!==null&&o.getAttribute('data-sp')!==on);});"
    "document.querySelectorAll('mark.q').forEach(function(m){"
    "m.classList.toggle('dim',on!==null&&!m.classList.contains(on));});"
    "});});"
    "var t=document.querySelector('mark.q.target');if(t)t.scrollIntoView({block:'center'});"
    "})();";

#endif
