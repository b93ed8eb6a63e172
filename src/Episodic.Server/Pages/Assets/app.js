// Keyboard for the review page: j/k move the current item, Enter accepts it (Enter in a field accepts that field's item).
(function () {
  'use strict';
  var items = Array.prototype.slice.call(document.querySelectorAll('.item'));
  if (!items.length) { return; }
  var current = -1;
  function select(i, focus) {
    if (i < 0 || i >= items.length) { return; }
    if (current >= 0) { items[current].removeAttribute('aria-current'); }
    current = i;
    items[i].setAttribute('aria-current', 'true');
    if (focus) { items[i].focus(); items[i].scrollIntoView({ block: 'nearest' }); }
  }
  function accept(item) {
    var button = item.querySelector('button[data-act=accept]');
    if (button) { button.click(); }
  }
  function typing(el) {
    var tag = el.tagName;
    return tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && el.type !== 'checkbox');
  }
  items.forEach(function (item, i) {
    item.addEventListener('focusin', function () { select(i, false); });
    item.addEventListener('click', function () { select(i, false); });
  });
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (typing(t)) {
      var owner = t.closest('.item');
      if (e.key === 'Enter' && owner) { e.preventDefault(); accept(owner); }
      return;
    }
    if (e.key === 'j') { e.preventDefault(); select(current + 1, true); }
    else if (e.key === 'k') { e.preventDefault(); select(current < 0 ? 0 : current - 1, true); }
    else if (e.key === 'Enter' && current >= 0 && (t.tagName !== 'BUTTON' && t.tagName !== 'A' && t.tagName !== 'SUMMARY')) {
      e.preventDefault(); accept(items[current]);
    }
  });
}());
