import { RuleTester, yaml } from '../../helpers/rule-tester.js';

const rule = 'claim/quote-mismatch';

/** A claim file whose source names `sources/post.txt`; the claim text is on line 7, column 11. */
const register = (text: string, document = 'sources/post.txt') => yaml`
  source:
    id: post
    title: A post
    kind: blog
    document: ${document}
  claims:
    - text: ${JSON.stringify(text)}
      id: origin
      subject: ketamine
      aspect: history
      property: origin
`;

const post = 'Ketamine Uses\n\nWhile Ketamine has been around since the 1950\u2019s, new therapeutics applications continue to bloom¹.\n';

RuleTester.run('claim/quote-mismatch', {
  valid: [
    { name: 'the claim occurs verbatim', yaml: register("While Ketamine has been around since the 1950’s"), documents: { 'sources/post.txt': post } },
    {
      name: 'typographic apostrophe, citation marker, whitespace and case are normalised',
      yaml: register("while ketamine has been  around since the 1950's, new therapeutics applications continue to bloom."),
      documents: { 'sources/post.txt': post },
    },
    {
      name: 'Markdown emphasis, soft hyphens, ^{…} and [n] markers',
      yaml: register('Hocking and Cousins noted that research has lagged. Ketamine is an anaesthetic.', 'sources/post.md'),
      documents: { 'sources/post.md': '# Pain\n\n*Hocking and Cousins* noted that re\u00ADsearch has lagged^{6, 8}. Ketamine is an anaesthetic [12].\n' },
    },
    {
      name: 'HTML: entities decoded, tags and scripts left out',
      yaml: register('Ketamine’s effect lasts 7 days', 'sources/post.html'),
      documents: { 'sources/post.html': '<html><head><script>var x = 1;</script></head><body><p>Ketamine&rsquo;s effect <b>lasts</b> 7&nbsp;days<sup>3</sup>.</p></body></html>' },
    },
    { name: 'a source without document is not checked', yaml: register('anything').replace(/ {2}document: .*\n/, '') },
    { name: 'a missing document is left to source/document-missing', yaml: register('anything') },
  ],
  invalid: [
    {
      name: 'one word changed: the difference word by word, the passage as related location',
      yaml: register("While Ketamine has been around since the 1960's"),
      documents: { 'sources/post.txt': post },
      findings: [
        {
          rule,
          severity: 'error',
          line: 7,
          column: 11,
          claim: 'post/origin',
          message: 'Claim "origin" does not quote sources/post.txt as it reads: claim says “since the 1960\'s”; document says “since the 1950’s”',
          related: ['document passage'],
        },
      ],
    },
    {
      name: 'a word left out, and two differences',
      yaml: register('While Ketamine has been since the 1950’s, new applications continue to bloom'),
      documents: { 'sources/post.txt': post },
      findings: [
        {
          rule,
          severity: 'error',
          line: 7,
          column: 11,
          message: 'Claim "origin" does not quote sources/post.txt as it reads: claim says “has been since”; document says “has been around since” (and 1 more difference)',
        },
      ],
    },
    {
      name: 'a text the document does not contain at all',
      yaml: register('Cats purr when content'),
      documents: { 'sources/post.txt': post },
      findings: [{ rule, severity: 'error', line: 7, column: 11, message: 'Claim "origin": its text occurs nowhere in sources/post.txt: quote the document verbatim, or correct source.document' }],
    },
  ],
});
