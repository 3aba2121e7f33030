import { describe, expect, it } from 'vitest';
import { sortVi } from '../shared/text.ts';
import { treeOrder } from './tree.ts';
import { provinceKey } from './unit-import.ts';

describe('Vietnamese ordering', () => {
  it('sorts by Vietnamese collation: D before Đ, and tones after the base letter', () => {
    expect(sortVi(['Đức', 'Dũng', 'Anh', 'Ánh', 'Bình'], (s) => s)).toEqual([
      'Anh',
      'Ánh',
      'Bình',
      'Dũng',
      'Đức',
    ]);
  });

  it('walks a tree in pre-order with children in Vietnamese order; orphans become roots', () => {
    const items = [
      { id: 'b', parentId: 'p', name: 'Xã Đông Anh' },
      { id: 'p', parentId: null, name: 'Hà Nội' },
      { id: 'a', parentId: 'p', name: 'Xã Dương Hòa' },
      { id: 'c', parentId: 'a', name: 'Trung tâm' },
      { id: 'o', parentId: 'missing', name: 'Bắc Ninh' },
    ];
    expect(treeOrder(items).map((i) => i.id)).toEqual(['o', 'p', 'a', 'c', 'b']);
  });

  it('matches province names whatever their prefix', () => {
    expect(provinceKey('Thành phố Hà Nội')).toBe('hà nội');
    expect(provinceKey('Tp Cần Thơ')).toBe(provinceKey('Thành phố Cần Thơ'));
    expect(provinceKey('Tỉnh Cà Mau')).toBe('cà mau');
    expect(provinceKey('Tỉnh Cà Mau'.normalize('NFD'))).toBe('cà mau');
  });
});
