import NIOCore
import WeatherPages

extension PageAssets {
    /// The stylesheet, the refresh script and the icon as buffers made once: served with no copy per request.
    static let stylesheetBuffer = ByteBuffer(string: stylesheet)
    static let refreshScriptBuffer = ByteBuffer(string: refreshScript)
    static let faviconBuffer = ByteBuffer(string: favicon)
}
