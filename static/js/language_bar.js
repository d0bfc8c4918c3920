/* One language bar for the whole change form (templates/admin/qa/language_bar.html).

   modeltranslation puts a row of language tabs above every translated field, and
   inside every answer: a question with ten answers has thirty rows of tabs to click,
   and its "main switch" (a select beside the title) has no label and starts at the
   first language while the tabs open at the admin's own. This script makes the bar
   the one way to switch: each button sets that main switch (which switches every
   group of tabs, the translation status panels and new answers among them), the
   per-field tab rows are hidden (css/admin.css), and a language whose fields have
   errors is marked on its button.

   Loaded after modeltranslation's tabs (qa.admin's media names them first), so its
   ready handler runs after theirs. */
"use strict";
django.jQuery(function ($) {
  var $bar = $(".language-bar");
  var $switch = $("#modeltranslation-main-switch");
  if (!$bar.length || !$switch.length) {
    return;
  }
  var codes = $switch.find("option").map(function () {
    return $(this).text().replace("-", "_");
  }).get();

  function mark(code) {
    $bar.find("button").each(function () {
      this.setAttribute("aria-pressed", String(this.getAttribute("data-language") === code));
    });
  }

  function show(code) {
    var index = codes.indexOf(code);
    if (index >= 0) {
      $switch.val(String(index)).trigger("change");
      mark(code);
    }
  }

  $bar.on("click", "button", function () {
    show(this.getAttribute("data-language"));
  });
  // Whatever else switches (a dashboard link's #language-xx, a tab opened on an error).
  $switch.on("change", function () {
    mark(codes[parseInt($switch.val(), 10)]);
  });
  $(".ui-tabs-nav li.ui-tab-has-errors a").each(function () {
    var code = $(this).text().replace("-", "_");
    $bar.find('button[data-language="' + code + '"]').addClass("has-errors");
  });

  var first = $(".ui-tabs").first();
  var active = first.length ? first.tabs("option", "active") : 0;
  show(codes[active] || codes[0]);
  $bar.prop("hidden", false);
  $("body").addClass("has-language-bar");
});

