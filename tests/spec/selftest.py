#!/usr/bin/env python3
"""Unit tests of the spec runner's own logic (script encoding, the
expected-failures list). The C++ driver is exercised by the spec tests."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import expected  # noqa: E402
import spec_script  # noqa: E402
import summarize  # noqa: E402


class ScriptEncoding(unittest.TestCase):
    def test_strings_are_percent_encoded_utf8(self):
        self.assertEqual(spec_script.encode_string(None), '-')
        self.assertEqual(spec_script.encode_string(''), 's:')
        self.assertEqual(spec_script.encode_string('a b$c'), 's:a%20b$c')
        self.assertEqual(spec_script.encode_string('\u00e9'), 's:%C3%A9')

    def test_values(self):
        self.assertEqual(spec_script.encode_value({'type': 'i32', 'value': '4294967295'}),
                         'i32:4294967295')
        self.assertEqual(spec_script.encode_value({'type': 'f32', 'value': 'nan:canonical'}),
                         'f32:nan:canonical')
        self.assertEqual(spec_script.encode_value(
            {'type': 'v128', 'lane_type': 'i64', 'value': ['1', '2']}), 'v128:i64:1,2')
        self.assertEqual(spec_script.encode_value({'type': 'externref', 'value': '3'}),
                         'externref:3')
        self.assertEqual(spec_script.encode_value({'type': 'funcref', 'value': 'null'}),
                         'funcref:null')

    def test_signature_and_thunk(self):
        sig = spec_script.signature([{'type': 'i32'}, {'type': 'f64'}],
                                    [{'type': 'i64'}, {'type': 'v128'}])
        self.assertEqual(sig, 'iF:Iv')
        self.assertEqual(spec_script.thunk_template_args(sig),
                         'std::tuple<int64_t, wasm2cpp::v128>, int32_t, double')
        self.assertEqual(spec_script.thunk_template_args(':'), 'void')

    def test_either_gives_alternatives(self):
        cmd = {'type': 'assert_return', 'line': 3,
               'action': {'type': 'invoke', 'field': 'f', 'args': []},
               'either': [{'type': 'i32', 'value': '1'}, {'type': 'i32', 'value': '2'}]}
        line, sig = spec_script.script_line(7, cmd, None)
        self.assertEqual(sig, ':i')
        self.assertEqual(line, 'invoke 7 3 assert_return - s:f :i 0 2 1 i32:1 1 i32:2 -')

    def test_raw_string_delimiter_avoids_content(self):
        lit = spec_script.raw_string_literal('x)SPEC"y')
        self.assertTrue(lit.startswith('R"SPECX('))


class ExpectedFailures(unittest.TestCase):
    def write(self, text):
        fd, path = tempfile.mkstemp(suffix='.txt')
        with os.fdopen(fd, 'w') as f:
            f.write(text)
        self.addCleanup(os.remove, path)
        return path

    @staticmethod
    def result(key, status, kind='assert_return', reason='r'):
        return {'key': key, 'line': key, 'kind': kind, 'status': status, 'reason': reason}

    def test_unlisted_failure_and_listed_pass_are_unexpected(self):
        path = self.write('core/a.wast:10 assert_return old\ncore/a.wast:20 assert_trap x\n')
        e = expected.Expectations(expected.parse(path), 'core/a.wast')
        fails, passes, stale = expected.compare(e, [
            self.result('10', 'fail'), self.result('20', 'pass', 'assert_trap'),
            self.result('30', 'fail')])
        self.assertEqual([r['key'] for r in fails], ['30'])
        self.assertEqual([r['key'] for r in passes], ['20'])
        self.assertIsNone(stale)

    def test_whole_file_entries(self):
        path = self.write('core/simd_*.wast * no simd\ngc/*.wast skip cannot parse\n')
        entries = expected.parse(path)
        self.assertEqual(expected.Expectations(entries, 'gc/ref.wast').skip_reason, 'cannot parse')
        e = expected.Expectations(entries, 'core/simd_lane.wast')
        self.assertEqual(expected.compare(e, [self.result('1', 'fail')]), ([], [], None))
        # A listed file that passes fully makes the entry stale.
        self.assertEqual(expected.compare(e, [self.result('1', 'pass')])[2], 'core/simd_*.wast')
        self.assertIsNone(expected.Expectations(entries, 'core/i32.wast').whole_file)

    def test_update_rewrites_only_this_file(self):
        path = self.write('# header\ncore/a.wast:1 assert_return old\n'
                          'core/b.wast:2 assert_trap keep\n')
        expected.update(path, 'core/a.wast', [self.result('5', 'fail', reason='new  reason'),
                                              self.result('1', 'pass')])
        with open(path) as f:
            self.assertEqual(f.read(), '# header\ncore/a.wast:5 assert_return new reason\n'
                                       'core/b.wast:2 assert_trap keep\n')


class Summary(unittest.TestCase):
    def test_reasons_group_without_specifics(self):
        self.assertEqual(summarize.normalize_reason('got i32:1, expected i32:2'), 'wrong result')
        self.assertEqual(
            summarize.normalize_reason('translation failed: /x/y.wasm: illegal opcode 0xfd 12'),
            'translation failed: <path> illegal opcode N N')


if __name__ == '__main__':
    unittest.main()
