#!/usr/bin/env python3
# Developer helper: after `cmake --build build --target update_translations`, fills the .ts files'
# unfinished entries from a JSON table {"source": ["zh_CN", "zh_TW"]} (en gets the source text).
# Usage: scripts/fill-translations.py TABLE.json
# (lupdate's own guesses for a string moved to another context, marked unfinished, are replaced
# by the table's entry, which is the reviewed translation.)
# Fills unfinished entries of the .ts files from a table {source: (zh_CN, zh_TW)}; en = source.
import html, json, os, re, sys
table = json.load(open(sys.argv[1]))
for lang in ['zh_CN', 'zh_TW', 'en']:
    f = os.path.join(os.path.dirname(__file__), '..', 'translations', f'liangzheng_{lang}.ts')
    s = open(f).read()
    def repl(m):
        src = html.unescape(m.group(1))
        if lang == 'en':
            t = src
        else:
            if src not in table:
                print('missing', lang, src); return m.group(0)
            t = table[src][0 if lang == 'zh_CN' else 1]
        return m.group(0).split('<translation')[0] + '<translation>' + html.escape(t, quote=False) + '</translation>'
    s = re.sub(r'<source>([^<]*)</source>\s*<translation type="unfinished">[^<]*</translation>', repl, s, flags=re.S)
    open(f, 'w').write(s)
