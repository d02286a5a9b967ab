import { SpenderDimension } from '../../analysis/topSpenders';
import {
  isSpenderDimension,
  spenderFromSegment,
  spenderHref,
  spenderName,
  spenderSegment,
  spenderUrl,
} from './spenderNames';

test.each<[string, string]>([
  ['data-science', 'data-science'],
  ['', '-'],
  ['-', '--'],
  ['---', '----'],
  ['a-', 'a-'],
  ['a/b c', 'a/b c'],
  ['%2F', '%2F'],
])('spender %p has the path segment %p and back', (key, segment) => {
  expect(spenderSegment(key)).toBe(segment);
  expect(spenderFromSegment(segment)).toBe(key);
});

test.each<[SpenderDimension, string, string]>([
  ['team', 'data-science', '/a/aispend-finops-app/top-spenders/team/data-science'],
  ['team', '', '/a/aispend-finops-app/top-spenders/team/-'],
  ['user', 'a/b c', '/a/aispend-finops-app/top-spenders/user/a%2Fb%20c'],
  ['api_key', '?#', '/a/aispend-finops-app/top-spenders/api_key/%3F%23'],
])('spenderUrl(%s, %p)', (dimension, key, url) => {
  expect(spenderUrl(dimension, key)).toBe(url);
});

test.each<[string, string]>([
  ['', '/a/aispend-finops-app/top-spenders/model/gpt-4o'],
  [
    '?from=1&to=2&var-team=a&var-team=b&var-dimension=model&refresh=1m&role=Viewer',
    '/a/aispend-finops-app/top-spenders/model/gpt-4o?from=1&to=2&var-team=a&var-team=b&var-dimension=model',
  ],
  [
    '?timezone=utc&var-provider=%24__all',
    '/a/aispend-finops-app/top-spenders/model/gpt-4o?timezone=utc&var-provider=%24__all',
  ],
])('spenderHref keeps the range and filters of %p', (search, href) => {
  expect(spenderHref('model', 'gpt-4o', search)).toBe(href);
});

test.each<[SpenderDimension, string, string]>([
  ['team', '', '(no team)'],
  ['api_key', '', '(no API key)'],
  ['model', 'gpt-4o', 'gpt-4o'],
])('spenderName(%s, %p) = %p', (dimension, key, name) => {
  expect(spenderName(key, dimension)).toBe(name);
});

test.each<[unknown, boolean]>([
  ['team', true],
  ['api_key', true],
  ['provider', false],
  [undefined, false],
  [['team'], false],
])('isSpenderDimension(%p) = %p', (value, expected) => {
  expect(isSpenderDimension(value)).toBe(expected);
});
