import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderJunit, renderValidateJunit } from '../../../src/cli/reporters/junit.js';
import { finding, sampleReport } from '../report-fixtures.js';
import { xmlProblem } from '../xml-well-formed.js';

describe('junit reporter', () => {
  it('writes one suite per file and one case per row with findings', () => {
    const xml = renderValidateJunit(sampleReport());
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toContain('<testsuites name="migrate validate" tests="4" failures="3" errors="0">');
    expect(xml).toContain('<testsuite name="subs.csv" tests="4" failures="3" errors="0" skipped="0">');
    expect(xml).toContain('<testsuite name="customers.csv" tests="0" failures="0" errors="0" skipped="0">');
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toContain('<testcase name="row 7 (cust-0042)" classname="subscriptions-standard">');
    // Row 8 has only a warning: a passing case carrying the warning as output.
    expect(xml).toMatch(/<testcase name="row 8 \(cust-0043\)" classname="subscriptions-standard">\n\s+<system-out>warning \[phone\] Looks too short/);
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('<a href="x">&\'\u0000\u001b')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\ufffd\ufffd');
    const report = {
      ...sampleReport(),
      files: [{ path: 'a&b<c>.csv', template: 'products', rows: 1, errorRows: 1, findings: [finding({ value: ']]></failure>\u0007', key: '"k"' })] }],
    };
    expect(xmlProblem(renderValidateJunit(report))).toBeUndefined();
  });

  it('has a checker that notices broken XML', () => {
    for (const bad of ['<a><b></a>', '<a>&</a>', '<a x="1" x="2"/>', '<a/><b/>', '<a>\u0001</a>', '<a>']) expect(xmlProblem(bad)).toBeDefined();
  });

  it('stays well-formed whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, message) => {
        const xml = renderJunit(name, [{ name, cases: [{ name, classname: name, failure: { type: name, message, body: message }, systemOut: message }] }]);
        return xmlProblem(xml) === undefined;
      }),
      { numRuns: 200 },
    );
  });
});
