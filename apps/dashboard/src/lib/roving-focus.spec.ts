import { nextIndex } from './roving-focus';

describe('nextIndex (arrow keys in a radio group or menu)', () => {
  it('moves forward and back, wrapping round at both ends', () => {
    expect(nextIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextIndex('ArrowUp', 1, 3)).toBe(0);
  });

  it('goes to the ends with Home and End', () => {
    expect(nextIndex('Home', 2, 4)).toBe(0);
    expect(nextIndex('End', 0, 4)).toBe(3);
  });

  it('answers only Up and Down on a vertical axis (a menu)', () => {
    expect(nextIndex('ArrowRight', 0, 3, 'vertical')).toBeNull();
    expect(nextIndex('ArrowLeft', 1, 3, 'vertical')).toBeNull();
    expect(nextIndex('ArrowDown', 0, 3, 'vertical')).toBe(1);
  });

  it('ignores other keys and empty groups', () => {
    expect(nextIndex('Enter', 0, 3)).toBeNull();
    expect(nextIndex('a', 0, 3)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0)).toBeNull();
  });
});
