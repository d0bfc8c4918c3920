/* Names that Django's admin widgets leave out, for screen readers (axe finds each):
   - the help icons of the tag selector's filter boxes (SelectFilter2) put an aria-label
     on a plain span, which may not have one: they are images of their text. They are
     made on window load, by a handler registered before this one;
   - the search-as-you-type selects (autocomplete_fields: asker, category, select2) are
     named by their current choice, so an empty one on a new question has no name: the
     box is named by its field's label and that choice, the choice by the label. They
     are made in a jQuery ready handler of autocomplete.js, which comes before this
     file, so this file's ready handler runs after it (load may come sooner). */
"use strict";
window.addEventListener("load", function () {
  document.querySelectorAll("span.help-tooltip[aria-label]").forEach(function (icon) {
    icon.setAttribute("role", "img");
  });
});

django.jQuery(function () {
  document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var box = select.parentElement.querySelector('.select2-selection[role="combobox"]');
    var choice = document.getElementById("select2-" + select.id + "-container");
    if (label && box && choice) {
      label.id = label.id || select.id + "_label";
      box.setAttribute("aria-labelledby", label.id + " " + choice.id);
      choice.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
  });
});
