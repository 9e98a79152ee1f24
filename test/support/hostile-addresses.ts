/**
 * Addresses whose domain passes the address syntax but not the target guard's host-name rule
 * (issue 14's list): the hostile-address route test and the fuzzer's strings both use them.
 */
export const HOSTILE_ADDRESSES = [
  'a@foo.localhost',
  'a@x.internal',
  'a@printer.local',
  'a@x.lan',
  'a@x.onion',
  'a@10.0.0.1',
  'a@1.2.3.4',
  'a@example.123',
  'a@0x7f.0.0.1',
  'a@１２７.０.０.１',
  'a@ｘ.１２３',
  'a@xn--zz.com',
]
