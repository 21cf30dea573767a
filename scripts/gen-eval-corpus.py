#!/usr/bin/env python3
"""Builds the labelled evaluation corpus in tests/corpus/ (committed as data).

Lookalikes come from Debian's dnstwist (the `dnstwist` apt package, Python module
/usr/lib/python3/dist-packages/dnstwist.py); brand-in-subdomain cases are composed here;
real attacker domains come from data/indicators.json; benign sets from the sources named
in each file. Only the output is committed, never dnstwist itself.

Run: /usr/bin/python3 scripts/gen-eval-corpus.py   (needs `apt-get install dnstwist`)
"""
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, '/usr/lib/python3/dist-packages')
import dnstwist  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / 'tests' / 'corpus'
PER_FUZZER = 40  # sample size per brand and dnstwist fuzzer, seeded per brand

# dnstwist fuzzer -> the kind named in issue 3. 'subdomain' and 'various' are reported on their own.
KIND_OF_FUZZER = {
    'addition': 'typo', 'insertion': 'typo', 'omission': 'typo', 'replacement': 'typo',
    'transposition': 'typo', 'repetition': 'typo', 'vowel-swap': 'typo', 'bitsquatting': 'typo',
    'homoglyph': 'homoglyph', 'cyrillic': 'homoglyph',
    'hyphenation': 'hyphenation',
    'dictionary': 'combosquat',
    'tld-swap': 'tld-swap',
    'subdomain': 'split-label', 'various': 'various',
}
# Words fake recruiters pair with a brand (seen in data/indicators.json and advisories).
JOB_WORDS = ['careers', 'career', 'jobs', 'job', 'hr', 'hiring', 'hire', 'recruit', 'recruiting', 'recruitment',
             'talent', 'interview', 'assessment', 'assess', 'apply', 'onboarding', 'meet', 'meeting', 'docs',
             'portal', 'team', 'verify', 'support', 'wallet', 'login', 'skills', 'test']
TLDS = ['careers', 'jobs', 'work', 'team', 'io', 'net', 'org', 'co', 'xyz', 'app', 'dev', 'info', 'biz',
        'online', 'site', 'top', 'vip', 'live', 'pro', 'us']
JOB_TLDS = {'careers', 'jobs', 'work', 'team'}
# Foreign registrable domains for brand-in-subdomain cases, shaped like the real ones
# (kraken.livehiringpro.com, coinbase.talentelevate360.com, gemini.willoassess.com).
FOREIGN = ['careers-portal.xyz', 'livehiringpro.com', 'talentelevate360.com', 'hiring-desk.net',
           'interview-room.io', 'recruit-hub.org', 'skillassess.app', 'jobsuite-hr.com', 'onboard-talent.co',
           'docs-hiring.net']
MIN_TYPO_TOKEN = 5  # shorter tokens (okx, gate) are not judged by edit distance: too many real words nearby


def brand_domain(brand):
    for d in brand['domains']:
        if not d.startswith('www.'):
            return d
    return brand['domains'][0] if brand['domains'] else None


def main():
    catalog = json.loads((ROOT / 'data' / 'brands.json').read_text())
    brands = catalog['brands']
    official = {d for b in brands for d in b['domains']}
    official |= {d[4:] for d in official if d.startswith('www.')}
    benign_hosts = set()
    for name in ['benign-common.json', 'benign-job-boards.json', 'benign-collisions.json']:
        path = CORPUS / name
        if path.exists():
            benign_hosts |= {e['host'] for e in json.loads(path.read_text())['entries']}

    lookalikes = []
    skipped = {'official': 0, 'benign': 0, 'short-token-typo': 0}
    for brand in brands:
        domain = brand_domain(brand)
        if not domain:
            continue
        token = brand['tokens'][0] if brand['tokens'] else domain.split('.')[0]
        fuzzer = dnstwist.Fuzzer(domain, dictionary=JOB_WORDS, tld_dictionary=TLDS)
        fuzzer.generate()
        by_kind = {}
        for d in fuzzer.domains:
            kind = KIND_OF_FUZZER.get(d['fuzzer'])
            if kind is None:
                continue
            by_kind.setdefault((d['fuzzer'], kind), []).append(d['domain'])
        rng = random.Random(brand['id'])
        for (fz, kind), hosts in sorted(by_kind.items()):
            hosts = sorted(set(hosts))
            rng.shuffle(hosts)
            for host in hosts[:PER_FUZZER]:
                if host in official:
                    skipped['official'] += 1
                    continue
                if host in benign_hosts:
                    skipped['benign'] += 1
                    continue
                if kind == 'typo' and len(token) < MIN_TYPO_TOKEN:
                    skipped['short-token-typo'] += 1
                    continue
                entry = {'host': host, 'brand': brand['id'], 'kind': kind, 'fuzzer': fz}
                # A common-word brand on a generic TLD ("kraken.io") is a real company elsewhere;
                # it is a lookalike only inside a post that names the brand.
                if brand.get('commonWord') and kind == 'tld-swap' and host.rsplit('.', 1)[-1] not in JOB_TLDS:
                    entry['context'] = 'job-post'
                lookalikes.append(entry)
        for foreign in FOREIGN:
            for host in (f'{token}.{foreign}', f'{domain}.{foreign}'):
                lookalikes.append({'host': host, 'brand': brand['id'], 'kind': 'brand-subdomain', 'fuzzer': 'composed'})

    (CORPUS / 'lookalikes.json').write_text(json.dumps({
        'source': 'Debian dnstwist 20221213 (python3 module) permutations of each catalog brand domain, '
                  f'sampled {PER_FUZZER} per fuzzer with seed = brand id; brand-subdomain cases composed by '
                  'scripts/gen-eval-corpus.py',
        'skipped': skipped,
        'entries': lookalikes,
    }, indent=0, ensure_ascii=False) + '\n')

    tokens = sorted({t for b in brands for t in b['tokens']}, key=len, reverse=True)
    indicators = json.loads((ROOT / 'data' / 'indicators.json').read_text())
    attackers = []
    for ind in indicators:
        if ind['kind'] != 'domain':
            continue
        labels = ind['value'].lower().replace('-', '.').split('.')
        squashed = ind['value'].lower().replace('-', '').replace('.', '')
        brand_token = next((t for t in tokens if t in labels or squashed.startswith(t) or t in squashed), None)
        if brand_token is None:
            continue
        attackers.append({'host': ind['value'], 'kind': 'real-attacker', 'token': brand_token,
                          'source': ind['source'], 'role': ind['role']})
    (CORPUS / 'real-attackers.json').write_text(json.dumps({
        'source': 'data/indicators.json (copied from shared data with sources): domain indicators that carry a '
                  'catalog brand token',
        'entries': attackers,
    }, indent=1, ensure_ascii=False) + '\n')
    print(f'lookalikes: {len(lookalikes)} (skipped {skipped}); real attackers: {len(attackers)}')


if __name__ == '__main__':
    main()
