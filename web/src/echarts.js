// Only the parts of ECharts the UI uses, bundled: nothing is fetched at run time.
import * as echarts from 'echarts/core'
import { MapChart, LineChart, BarChart, ScatterChart } from 'echarts/charts'
import { TooltipComponent, VisualMapComponent, GridComponent, LegendComponent, TitleComponent, MarkLineComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([MapChart, LineChart, BarChart, ScatterChart, TooltipComponent, VisualMapComponent, GridComponent, LegendComponent,
  TitleComponent, MarkLineComponent, SVGRenderer])

export default echarts
