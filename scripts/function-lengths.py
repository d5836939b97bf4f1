#!/usr/bin/env python3
"""Lists C++ functions longer than a limit (default 80 lines), counted from the line of the
opening brace of a function body at namespace or class level to its closing brace.
Usage: scripts/function-lengths.py [--limit N] [paths...]   (default: app model views tests)"""
import os
import re
import sys

def functions(path):
    text = open(path, encoding='utf-8', errors='replace').read()
    # blank out comments and string/char literals so braces inside them do not count
    text = re.sub(r'//[^\n]*|/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text, flags=re.S)
    text = re.sub(r'R"(\w*)\((.*?)\)\1"', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"|\'(\\.|[^\'\\\n])*\'', lambda m: ' ' * len(m.group(0)), text)
    depth = 0
    stack = []  # (is_function, start_line, header)
    line = 1
    i = 0
    while i < len(text):
        c = text[i]
        if c == '\n':
            line += 1
        elif c == '{':
            head = text[max(0, text.rfind(';', 0, i), text.rfind('}', 0, i), text.rfind('{', 0, i)) + 1:i]
            h = ' '.join(head.split())
            is_func = bool(re.search(r'\)\s*(const|override|noexcept|final|->\s*[\w:<>]+|\s)*$', h)
                           or re.search(r'\)\s*:\s*\w', h)) and not re.match(r'^(if|for|while|switch|catch)\b', h) \
                and not re.search(r'\b(if|for|while|switch)\s*\(', h.split('(')[0] + '(') \
                and not any(s[0] for s in stack)
            stack.append((is_func, line, h[:90]))
        elif c == '}':
            if stack:
                is_func, start, h = stack.pop()
                if is_func:
                    yield (line - start + 1, start, h)
        i += 1

def main():
    args = sys.argv[1:]
    limit = 80
    if args[:1] == ['--limit']:
        limit = int(args[1]); args = args[2:]
    roots = args or ['app', 'model', 'views', 'tests']
    found = []
    for root in roots:
        for d, _, files in os.walk(root):
            for f in files:
                if f.endswith(('.cpp', '.h')):
                    p = os.path.join(d, f)
                    for n, start, h in functions(p):
                        if n > limit:
                            found.append((n, p, start, h))
    for n, p, start, h in sorted(found, reverse=True):
        print(f'{n:4d} {p}:{start} {h}')
    print(f'{len(found)} functions over {limit} lines')
    return 0

sys.exit(main())
