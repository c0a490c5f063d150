/** Fuzzed documents, first half (fuzz-suite.ts; the second half is fuzz-part2.test.ts, so both workers share the work). */
import { fuzzSuite } from './fuzz-suite.ts';

fuzzSuite(1, 2);
