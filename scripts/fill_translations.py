#!/usr/bin/env python3
"""Fills a Qt Linguist .ts from a dict of (context, source) -> translation and lists what is left.

    scripts/fill_translations.py resources/translations/tcpscope_zh_TW.ts new-strings.py

new-strings.py holds T = {(context, source): translation} for the entries lupdate just added; the .ts
is the source of truth afterwards (edit it in linguist).

Entries already translated in the .ts are kept; exit status 1 when any entry stays unfinished.
"""
import runpy
import re
import sys
import xml.etree.ElementTree as ET

ts_path, dict_path = sys.argv[1], sys.argv[2]
table = runpy.run_path(dict_path)['T']
tree = ET.parse(ts_path)
left = []
for ctx in tree.getroot().iter('context'):
    name = ctx.findtext('name')
    for msg in ctx.iter('message'):
        source = msg.findtext('source')
        tr = msg.find('translation')
        if tr.get('type') != 'unfinished':
            continue
        text = table.get((name, source))
        if text is None:
            left.append((name, source))
            continue
        del tr.attrib['type']
        if msg.get('numerus') == 'yes':
            for form in tr.findall('numerusform'):
                form.text = text
        else:
            tr.text = text
# ElementTree leaves ' and " bare in text; lupdate writes &apos; and &quot;, so do the same and a later
# lupdate run leaves the file as it is.
body = ET.tostring(tree.getroot(), encoding='unicode')
body = re.sub(r'>[^<]*<', lambda m: m.group(0).replace("'", '&apos;').replace('"', '&quot;'), body)
with open(ts_path, 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n')
for name, source in left:
    print(f'unfinished: {name}: {source!r}')
sys.exit(1 if left else 0)
