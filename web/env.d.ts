/** esbuild's `text` loader: a stylesheet imported as a string (the widget's shadow root). */
declare module '*.css' {
  const css: string
  export default css
}
