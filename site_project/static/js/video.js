/* Video facades (templates/components/video_facade.html): swap in YouTube's
   privacy-enhanced player only when the reader presses play, so no YouTube
   script or cookie reaches a reader who never does. */
(function () {
  "use strict";

  var PLAYER_ORIGIN = "https://www.youtube-nocookie.com/embed/";

  function facadeLink(target) {
    return target && target.closest ? target.closest(".video-facade__link") : null;
  }

  function play(link) {
    var box = link.closest(".video-facade");
    var src = box && box.getAttribute("data-video-embed");
    if (!src || src.indexOf(PLAYER_ORIGIN) !== 0) return false;
    var frame = document.createElement("iframe");
    frame.className = "video-facade__frame";
    frame.src = src;
    frame.title = box.getAttribute("data-video-title") || "YouTube";
    frame.allow = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    box.replaceChildren(frame);
    box.classList.add("is-playing");
    frame.focus();
    return true;
  }

  // A YouTube thumbnail that cannot load (offline, blocked, a removed video)
  // gives way to the local picture named in data-fallback, not a broken image.
  function useFallback(img) {
    var fallback = img.getAttribute("data-fallback");
    if (fallback && img.getAttribute("src") !== fallback) {
      img.removeAttribute("srcset");
      img.src = fallback;
    }
  }
  document.querySelectorAll("img.video-facade__thumb[data-fallback]").forEach(function (img) {
    if (img.complete && img.naturalWidth === 0) useFallback(img);
    img.addEventListener("error", function () { useFallback(img); });
  });

  // With JavaScript the link acts as a button: announce it as one and let Space press it.
  document.querySelectorAll(".video-facade__link").forEach(function (link) {
    link.setAttribute("role", "button");
  });

  document.addEventListener("click", function (event) {
    var link = facadeLink(event.target);
    // A modified click still opens YouTube in a new tab, as links do.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (play(link)) event.preventDefault();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== " ") return;
    var link = facadeLink(event.target);
    if (link && play(link)) event.preventDefault();
  });
})();
