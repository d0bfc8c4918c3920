/* The question change form opens at the language a link asks for, #language-<code>
   (the translation dashboard's links): modeltranslation's tabs open at the admin's own
   language and ignore the address, so this sets their language switch, which switches
   every group of tabs (the translation status panels among them). Registered after
   modeltranslation's own ready handler (this file comes later), so it runs after it. */
"use strict";
django.jQuery(function ($) {
  var match = /^#language-([a-z_-]+)$/.exec(window.location.hash);
  var $switch = $("#modeltranslation-main-switch");
  if (!match || !$switch.length) {
    return;
  }
  $switch.find("option").each(function () {
    if ($(this).text() === match[1].replace("_", "-")) {
      $switch.val(this.value).trigger("change");
    }
  });
});
